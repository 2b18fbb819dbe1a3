"""Autosaved editor drafts. No Qt; who may write one is checked by the drafts service.

A draft is unsaved editor work, written every few seconds so that a crash or a power cut
loses at most those seconds. It remembers the version it was based on, so a draft restored
days later still goes through conflict detection when it is saved.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from sqlmodel import col, select

from kbdesk.db import Database
from kbdesk.models import EditDraft, utcnow
from kbdesk.records import ContentItem, DraftRecord

NEW_PREFIX = "new:"


def new_draft_key() -> str:
    """A key for an item that has no slug in the database yet."""
    return f"{NEW_PREFIX}{uuid.uuid4().hex}"


def item_to_json(item: ContentItem) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "body": item.body,
        "kind": item.kind,
        "category": item.category,
        "tags": list(item.tags),
        "status": item.status,
        "owner": item.owner,
        "review_by": item.review_by.isoformat() if item.review_by else None,
        "valid_until": item.valid_until.isoformat() if item.valid_until else None,
    }


def item_from_json(data: dict[str, Any]) -> ContentItem:
    review = data.get("review_by")
    return ContentItem(
        slug=str(data.get("slug") or ""),
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        kind=str(data.get("kind") or "article"),
        category=data.get("category") or None,
        tags=tuple(str(tag) for tag in data.get("tags") or ()),
        status=str(data.get("status") or "draft"),
        owner=data.get("owner") or None,
        review_by=date.fromisoformat(review) if review else None,
        valid_until=date.fromisoformat(valid) if (valid := data.get("valid_until")) else None,
    )


class DraftStore:
    """Drafts per author and key; one row each, overwritten by every autosave."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def save(
        self,
        author: str,
        key: str,
        item: ContentItem,
        *,
        article_id: int | None = None,
        base_version: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        payload = json.dumps({"item": item_to_json(item), "extra": extra or {}}, ensure_ascii=False)
        with self.db.session() as session:
            row = session.exec(
                select(EditDraft).where(EditDraft.author == author, EditDraft.draft_key == key)
            ).first()
            if row is None:
                row = EditDraft(author=author, draft_key=key)
            row.article_id = article_id
            row.base_version = base_version
            row.payload = payload
            row.updated_at = utcnow()
            session.add(row)

    def get(self, author: str, key: str) -> DraftRecord | None:
        with self.db.session() as session:
            row = session.exec(
                select(EditDraft).where(EditDraft.author == author, EditDraft.draft_key == key)
            ).first()
        return _record(row) if row else None

    def list(self, author: str) -> list[DraftRecord]:
        """The author's drafts, newest first; unreadable payloads are skipped, not fatal."""
        with self.db.session() as session:
            rows = session.exec(
                select(EditDraft)
                .where(EditDraft.author == author)
                .order_by(col(EditDraft.updated_at).desc())
            ).all()
        records = []
        for row in rows:
            try:
                records.append(_record(row))
            except (ValueError, TypeError, AttributeError):
                continue
        return records

    def delete(self, author: str, key: str) -> bool:
        with self.db.session() as session:
            row = session.exec(
                select(EditDraft).where(EditDraft.author == author, EditDraft.draft_key == key)
            ).first()
            if row is None:
                return False
            session.delete(row)
            return True


def _record(row: EditDraft) -> DraftRecord:
    data = json.loads(row.payload or "{}")
    if not isinstance(data, dict):
        raise ValueError("draft payload is not an object")
    return DraftRecord(
        author=row.author,
        key=row.draft_key,
        article_id=row.article_id,
        base_version=row.base_version,
        item=item_from_json(data.get("item") or {}),
        updated_at=row.updated_at,
        extra=dict(data.get("extra") or {}),
    )
