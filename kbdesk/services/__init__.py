"""The services: the only door through which the window and the command line reach data.

Every change checks the acting person's role in the database and validates the input here,
so no caller can skip a rule. Callers get plain records (`kbdesk.records`) back.
"""

from kbdesk.kb import RebuildCancelled
from kbdesk.services.answers import AnswerService, MessageSuggestions
from kbdesk.services.content import ContentService
from kbdesk.services.desk import Desk
from kbdesk.services.drafts import DraftService
from kbdesk.services.feedback import FeedbackService
from kbdesk.services.maintenance import MaintenanceService, SampleRemoval
from kbdesk.services.people import PeopleService, default_operator
from kbdesk.services.settings import GREETING_STYLES, TeamSettingsService

__all__ = [
    "GREETING_STYLES",
    "AnswerService",
    "ContentService",
    "Desk",
    "DraftService",
    "FeedbackService",
    "MaintenanceService",
    "MessageSuggestions",
    "PeopleService",
    "RebuildCancelled",
    "SampleRemoval",
    "TeamSettingsService",
    "default_operator",
]
