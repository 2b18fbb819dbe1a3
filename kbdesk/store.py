"""Articles, revisions, synonyms and operators in the database. No search, no Qt."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from kbdesk.content import parse_synonyms
from kbdesk.db import Database
from kbdesk.models import (
    Article,
    ArticleTag,
    Category,
    ExpiredCopy,
    Feedback,
    Operator,
    Revision,
    Role,
    Status,
    SynonymGroup,
    Tag,
    TeamSetting,
    utcnow,
)
from kbdesk.records import (
    ArticleRecord,
    ConflictError,
    ContentItem,
    FeedbackRecord,
    NotFoundError,
    RevisionRecord,
    SaveResult,
)


class ArticleStore:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- reading -----------------------------------------------------------------------------

    def _records(self, session: Session, articles: Sequence[Article]) -> list[ArticleRecord]:
        if not articles:
            return []
        ids = [article.id for article in articles]
        tags: dict[int, list[str]] = {}
        rows = session.exec(
            select(ArticleTag.article_id, Tag.name)
            .join(Tag, col(Tag.id) == col(ArticleTag.tag_id))
            .where(col(ArticleTag.article_id).in_(ids))
            .order_by(col(Tag.name))
        )
        for article_id, name in rows:
            tags.setdefault(article_id, []).append(name)
        category_ids = {a.category_id for a in articles if a.category_id is not None}
        categories = dict(
            session.exec(
                select(Category.id, Category.name).where(col(Category.id).in_(category_ids))
            ).all()
        )
        return [
            ArticleRecord(
                id=article.id or 0,
                slug=article.slug,
                kind=article.kind,
                title=article.title,
                body=article.body,
                category=categories.get(article.category_id),
                tags=tuple(tags.get(article.id or 0, ())),
                status=article.status,
                owner=article.owner,
                review_by=article.review_by,
                valid_until=article.valid_until,
                version=article.version,
                created_at=article.created_at,
                updated_at=article.updated_at,
                updated_by=article.updated_by,
            )
            for article in articles
        ]

    def get(self, article_id: int) -> ArticleRecord:
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id}")
            return self._records(session, [article])[0]

    def get_by_slug(self, slug: str) -> ArticleRecord | None:
        with self.db.session() as session:
            article = session.exec(select(Article).where(Article.slug == slug)).first()
            return self._records(session, [article])[0] if article else None

    def get_many(self, ids: Sequence[int]) -> list[ArticleRecord]:
        """Records for the ids, in the order given (missing ids are skipped)."""
        with self.db.session() as session:
            articles = session.exec(select(Article).where(col(Article.id).in_(ids))).all()
            by_id = {r.id: r for r in self._records(session, articles)}
        return [by_id[i] for i in ids if i in by_id]

    def list(self, statuses: Sequence[str] | None = None) -> list[ArticleRecord]:
        with self.db.session() as session:
            query = select(Article).order_by(col(Article.title))
            if statuses:
                query = query.where(col(Article.status).in_(statuses))
            return self._records(session, session.exec(query).all())

    def iter_all(self, batch: int = 500) -> Iterator[ArticleRecord]:
        """Every article in id order, in batches, for rebuilding the index."""
        last_id = 0
        while True:
            with self.db.session() as session:
                articles = session.exec(
                    select(Article)
                    .where(col(Article.id) > last_id)
                    .order_by(col(Article.id))
                    .limit(batch)
                ).all()
                records = self._records(session, articles)
            if not records:
                return
            yield from records
            last_id = records[-1].id

    def updated_since(self, when: datetime) -> list[ArticleRecord]:
        with self.db.session() as session:
            query = select(Article).where(col(Article.updated_at) >= when)
            return self._records(session, session.exec(query).all())

    def count(self) -> int:
        with self.db.session() as session:
            return session.exec(select(func.count()).select_from(Article)).one()

    def fingerprint(self) -> str:
        """Cheap summary that changes whenever any article changes (for the index cache)."""
        with self.db.session() as session:
            count, versions, max_id, latest = session.exec(
                select(
                    func.count(),
                    func.coalesce(func.sum(Article.version), 0),
                    func.coalesce(func.max(Article.id), 0),
                    func.max(Article.updated_at),
                )
            ).one()
        stamp = latest.isoformat() if isinstance(latest, datetime) else str(latest or "")
        return f"{count}:{versions}:{max_id}:{stamp}"

    @staticmethod
    def advance_fingerprint(fingerprint: str | None, saved: Sequence[SaveResult]) -> str | None:
        """The fingerprint of the state `fingerprint` describes plus `saved` (changed saves),
        worked out without a query: each save adds one version, a created item one row and
        maybe a higher id, and its time may be the latest. None when `fingerprint` is not one.

        It equals `fingerprint()` exactly when nobody else wrote meanwhile; when another desk
        did, the two differ and the next sync picks their changes up (the full query costs a
        scan of the table, too much for every save at 10,000 items).
        """
        try:
            count_text, versions_text, max_id_text, stamp = (fingerprint or "").split(":", 3)
            count, versions, max_id = int(count_text), int(versions_text), int(max_id_text)
            latest = datetime.fromisoformat(stamp) if stamp else None
        except ValueError:
            return None
        for result in saved:
            record = result.record
            versions += 1
            if result.created:
                count += 1
                max_id = max(max_id, record.id)
            when = record.updated_at
            if latest is None or (when is not None and when > latest):
                latest = when
        stamp = latest.isoformat() if latest is not None else ""
        return f"{count}:{versions}:{max_id}:{stamp}"

    def categories(self) -> list[str]:
        with self.db.session() as session:
            return list(session.exec(select(Category.name).order_by(col(Category.name))))

    def tags(self) -> list[str]:
        with self.db.session() as session:
            return list(session.exec(select(Tag.name).order_by(col(Tag.name))))

    # -- writing -----------------------------------------------------------------------------

    def _category_id(self, session: Session, name: str | None) -> int | None:
        if not name:
            return None
        category = session.exec(select(Category).where(Category.name == name)).first()
        if category is None:
            category = Category(name=name)
            session.add(category)
            session.flush()
        return category.id

    def _set_tags(self, session: Session, article_id: int, names: Sequence[str]) -> None:
        existing = {t.name: t for t in session.exec(select(Tag).where(col(Tag.name).in_(names)))}
        for link in session.exec(select(ArticleTag).where(ArticleTag.article_id == article_id)):
            session.delete(link)
        session.flush()
        for name in names:
            tag = existing.get(name)
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
                session.flush()
                existing[name] = tag
            session.add(ArticleTag(article_id=article_id, tag_id=tag.id or 0))

    @staticmethod
    def _snapshot(article: Article, item: ContentItem, number: int, author: str, note: str):
        return Revision(
            article_id=article.id or 0,
            number=number,
            title=item.title,
            kind=item.kind,
            body=item.body,
            category=item.category,
            tags=",".join(item.tags),
            status=item.status,
            owner=item.owner,
            review_by=item.review_by,
            valid_until=item.valid_until,
            author=author,
            note=note,
        )

    def save(
        self,
        item: ContentItem,
        author: str,
        *,
        article_id: int | None = None,
        expected_version: int | None = None,
        note: str = "",
    ) -> SaveResult:
        """Create or update (by id, else by slug). Every real change adds a revision.

        With `expected_version`, a save over a newer version raises ConflictError instead of
        silently overwriting someone else's edit.
        """
        with self.db.session() as session:
            if article_id is not None:
                article = session.get(Article, article_id)
                if article is None:
                    raise NotFoundError(f"no article with id {article_id}")
            else:
                article = session.exec(select(Article).where(Article.slug == item.slug)).first()
            if article is None:
                article = Article(slug=item.slug, title=item.title, updated_by=author)
                self._apply(session, article, item, author)
                session.add(article)
                session.flush()
                self._set_tags(session, article.id or 0, item.tags)
                session.add(self._snapshot(article, item, 1, author, note or "created"))
                session.flush()
                return SaveResult(self._records(session, [article])[0], True, True)
            current = self._records(session, [article])[0]
            if expected_version is not None and article.version != expected_version:
                raise ConflictError(current, expected_version)
            if current.to_item() == item:
                return SaveResult(current, False, False)
            if item.slug != article.slug:
                clash = session.exec(select(Article.id).where(Article.slug == item.slug)).first()
                if clash is not None:
                    raise ValueError(f"the slug '{item.slug}' is already used by another item")
            # Compare-and-set on the version closes the race between two concurrent saves.
            old_version = article.version
            claimed = session.connection().execute(
                update(Article)
                .where(col(Article.id) == article.id, col(Article.version) == old_version)
                .values(version=old_version + 1)
            )
            if claimed.rowcount != 1:
                session.refresh(article)
                raise ConflictError(self._records(session, [article])[0], old_version)
            self._apply(session, article, item, author)
            article.version = old_version + 1
            session.add(article)
            session.flush()
            self._set_tags(session, article.id or 0, item.tags)
            last = session.exec(
                select(func.max(Revision.number)).where(Revision.article_id == article.id)
            ).one()
            session.add(self._snapshot(article, item, (last or 0) + 1, author, note))
            session.flush()
            return SaveResult(self._records(session, [article])[0], False, True)

    def _apply(self, session: Session, article: Article, item: ContentItem, author: str) -> None:
        article.slug = item.slug
        article.title = item.title
        article.kind = item.kind
        article.body = item.body
        article.status = item.status
        article.owner = item.owner
        article.review_by = item.review_by
        article.valid_until = item.valid_until
        article.category_id = self._category_id(session, item.category)
        article.updated_at = utcnow()
        article.updated_by = author

    def set_status(self, article_id: int, status: Status, author: str) -> SaveResult:
        """Archive, restore or publish: a change like any other, with its own revision."""
        current = self.get(article_id)
        item = current.to_item()
        changed = replace(item, status=status.value)
        return self.save(changed, author, article_id=article_id, note=f"status: {status.value}")

    # -- history -----------------------------------------------------------------------------

    def delete(self, ids: Sequence[int]) -> None:
        """Delete items for good; revisions, tags, drafts and rollups go with them (cascade)."""
        with self.db.session() as session:
            for article in session.exec(select(Article).where(col(Article.id).in_(ids))):
                session.delete(article)

    def unedited_by_people(self, author: str) -> list[ArticleRecord]:
        """Items every revision of which was written by `author` (e.g. the sample loader)."""
        with self.db.session() as session:
            others = select(Revision.article_id).where(Revision.author != author)
            query = select(Article).where(col(Article.id).not_in(others))
            return self._records(session, session.exec(query).all())

    def revisions(self, article_id: int) -> list[RevisionRecord]:
        with self.db.session() as session:
            rows = session.exec(
                select(Revision)
                .where(Revision.article_id == article_id)
                .order_by(col(Revision.number).desc())
            ).all()
            slug = session.exec(select(Article.slug).where(Article.id == article_id)).first()
        return [
            RevisionRecord(
                id=r.id or 0,
                article_id=r.article_id,
                number=r.number,
                item=ContentItem(
                    slug=slug or "",
                    title=r.title,
                    body=r.body,
                    kind=r.kind,
                    category=r.category,
                    tags=tuple(t for t in r.tags.split(",") if t),
                    status=r.status,
                    owner=r.owner,
                    review_by=r.review_by,
                    valid_until=r.valid_until,
                ),
                author=r.author,
                created_at=r.created_at,
                note=r.note,
            )
            for r in rows
        ]

    def restore(self, article_id: int, number: int, author: str) -> SaveResult:
        """Bring back an old revision as a new one; history is never rewritten."""
        for revision in self.revisions(article_id):
            if revision.number == number:
                current = self.get(article_id)
                item = replace(revision.item, slug=current.slug)
                return self.save(
                    item, author, article_id=article_id, note=f"restored revision {number}"
                )
        raise NotFoundError(f"no revision {number} for article {article_id}")

    # -- synonyms ----------------------------------------------------------------------------

    def synonym_groups(self) -> list[list[str]]:
        with self.db.session() as session:
            rows = session.exec(select(SynonymGroup.words).order_by(col(SynonymGroup.id))).all()
        return parse_synonyms("\n".join(rows))

    def replace_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        with self.db.session() as session:
            for row in session.exec(select(SynonymGroup)):
                session.delete(row)
            session.flush()
            for group in groups:
                session.add(SynonymGroup(words=" = ".join(group)))

    # -- operators ---------------------------------------------------------------------------

    def operator(self, name: str) -> Operator:
        """The operator by name, registered on first sight.

        The very first person on an empty database becomes a lead, so a single-user install
        can do everything; later names start as operators until a lead promotes them.
        """
        name = " ".join(name.split()) or "operator"
        with self.db.session() as session:
            found = session.exec(select(Operator).where(Operator.name == name)).first()
            if found:
                return found
            first = session.exec(select(func.count()).select_from(Operator)).one() == 0
            operator = Operator(name=name, role=(Role.LEAD if first else Role.OPERATOR).value)
            session.add(operator)
            return operator

    def rename_operator(self, old: str, new: str) -> Operator:
        """Give an operator another name, keeping the role; an existing `new` simply wins."""
        new = " ".join(new.split())
        with self.db.session() as session:
            existing = session.exec(select(Operator).where(Operator.name == new)).first()
            if existing is not None:
                return existing
            operator = session.exec(select(Operator).where(Operator.name == old)).first()
            if operator is None:
                return self.operator(new)
            operator.name = new
            session.add(operator)
            return operator

    def operators(self) -> list[Operator]:
        with self.db.session() as session:
            return list(session.exec(select(Operator).order_by(col(Operator.name))))

    def set_role(self, name: str, role: Role) -> Operator:
        with self.db.session() as session:
            operator = session.exec(select(Operator).where(Operator.name == name)).first()
            if operator is None:
                raise NotFoundError(f"no operator named {name}")
            operator.role = role.value
            session.add(operator)
            return operator

    def operator_gender(self, name: str) -> str | None:
        """The gender the person set for themselves; None when unset or unknown (no sign-up)."""
        name = " ".join(name.split())
        with self.db.session() as session:
            found = session.exec(select(Operator.gender).where(Operator.name == name)).first()
            return found or None

    def set_operator_gender(self, name: str, gender: str | None) -> Operator:
        operator = self.operator(name)
        with self.db.session() as session:
            row = session.get(Operator, operator.id)
            if row is None:
                raise NotFoundError(f"no operator named {name}")
            row.gender = gender
            session.add(row)
            return row

    # -- team settings -----------------------------------------------------------------------

    def team_settings(self, prefix: str = "") -> dict[str, str]:
        """Stored settings whose key starts with ``prefix``; a missing key means the default."""
        with self.db.session() as session:
            query = select(TeamSetting)
            if prefix:
                query = query.where(col(TeamSetting.key).startswith(prefix, autoescape=True))
            return {row.key: row.value for row in session.exec(query)}

    def set_team_settings(self, values: Mapping[str, str], author: str) -> dict[str, str]:
        """Write ``values`` in one transaction; returns the keys whose value changed."""
        changed: dict[str, str] = {}
        with self.db.session() as session:
            for key, value in values.items():
                row = session.get(TeamSetting, key)
                if row is not None and row.value == value:
                    continue
                if row is None:
                    row = TeamSetting(key=key, value=value)
                row.value, row.updated_at, row.updated_by = value, utcnow(), author
                session.add(row)
                changed[key] = value
        return changed

    # -- the publishing gate, feedback and the owner's queue ---------------------------------

    def slug_statuses(self, slugs: Collection[str]) -> dict[str, str]:
        """The status of each of `slugs` that names an item (missing slugs are left out)."""
        if not slugs:
            return {}
        with self.db.session() as session:
            rows = session.exec(
                select(Article.slug, Article.status).where(col(Article.slug).in_(list(slugs)))
            )
            return dict(rows.all())

    @staticmethod
    def _feedback_record(row: Feedback) -> FeedbackRecord:
        return FeedbackRecord(
            id=row.id or 0,
            article_id=row.article_id,
            at=row.at,
            operator=row.operator,
            kind=row.kind,
            comment=row.comment,
            query=row.query,
            channel=row.channel,
            contact=row.contact,
            handled_at=row.handled_at,
            handled_by=row.handled_by,
            handled_note=row.handled_note,
        )

    def add_feedback(
        self,
        article_id: int,
        operator: str,
        kind: str,
        comment: str,
        *,
        query: str | None,
        channel: str | None,
        contact: str | None,
    ) -> FeedbackRecord:
        with self.db.session() as session:
            if session.get(Article, article_id) is None:
                raise NotFoundError(f"no article with id {article_id}")
            row = Feedback(
                article_id=article_id,
                operator=operator,
                kind=kind,
                comment=comment,
                query=query,
                channel=channel,
                contact=contact,
            )
            session.add(row)
            session.flush()
            return self._feedback_record(row)

    def feedback(
        self,
        *,
        article_ids: Sequence[int] | None = None,
        operator: str | None = None,
        open_only: bool = False,
        limit: int = 500,
    ) -> list[FeedbackRecord]:
        """Feedback, newest first, narrowed to some items, one operator or the open ones."""
        with self.db.session() as session:
            query = select(Feedback).order_by(col(Feedback.at).desc(), col(Feedback.id).desc())
            if article_ids is not None:
                query = query.where(col(Feedback.article_id).in_(list(article_ids)))
            if operator is not None:
                query = query.where(Feedback.operator == operator)
            if open_only:
                query = query.where(col(Feedback.handled_at).is_(None))
            rows = session.exec(query.limit(limit)).all()
            return [self._feedback_record(row) for row in rows]

    def handle_feedback(self, feedback_id: int, author: str, note: str) -> FeedbackRecord:
        """Mark feedback handled (again: the latest handling wins)."""
        with self.db.session() as session:
            row = session.get(Feedback, feedback_id)
            if row is None:
                raise NotFoundError(f"no feedback with id {feedback_id}")
            row.handled_at, row.handled_by, row.handled_note = utcnow(), author, note
            session.add(row)
            session.flush()
            return self._feedback_record(row)

    def open_feedback_counts(self) -> dict[int, int]:
        """Item id → feedback not handled yet (items without any are left out)."""
        with self.db.session() as session:
            rows = session.exec(
                select(Feedback.article_id, func.count())
                .where(col(Feedback.handled_at).is_(None))
                .group_by(col(Feedback.article_id))
            )
            return dict(rows.all())

    def add_expired_copy(self, article_id: int, operator: str, contact: str | None) -> None:
        with self.db.session() as session:
            session.add(ExpiredCopy(article_id=article_id, operator=operator, contact=contact))

    def expired_copy_counts(self) -> dict[int, int]:
        """Item id → copies made while it was past its `valid_until` day."""
        with self.db.session() as session:
            rows = session.exec(
                select(ExpiredCopy.article_id, func.count()).group_by(col(ExpiredCopy.article_id))
            )
            return dict(rows.all())
