"""Result counters (panel.models.ResultTally): the keys one vote adds, the upsert that adds
them, and a rebuild from the stored answers.

Functions take the models as arguments where a migration needs them too."""

import json
import random
from collections import Counter
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count

from panel import models
from panel.breakdown import DIMENSIONS, stored_group

SLOTS = 8

# question_ref, choice_ref, dimension, group_value (ResultTally); 0 and "" for "all".
TallyKey = tuple[int, int, str, str]


def vote_keys(snapshot: dict, choices: list[tuple[int, int]]) -> Counter[TallyKey]:
    """Counter keys (question_ref, choice_ref, dimension, group_value) for one response with the
    given (question id, choice id) pairs; snapshot has wijk_id, age_band, relation, works."""
    keys: Counter[TallyKey] = Counter({(0, 0, "", ""): 1})
    groups = {
        key: stored_group(key, snapshot[dimension.answer_field])
        for key, dimension in DIMENSIONS.items()
    }
    for question_id, choice_id in choices:
        keys[(question_id, choice_id, "", "")] += 1
        for dimension, group in groups.items():
            keys[(question_id, choice_id, dimension, group)] += 1
    return keys


def add_statement(
    poll_id: int, keys: Counter[TallyKey], *, table: str = "panel_resulttally"
) -> tuple[str, list]:
    """The upsert that adds these keys (INSERT … ON CONFLICT DO UPDATE, PostgreSQL and SQLite),
    as SQL and parameters. Keys are sorted so parallel votes lock rows in the same order (no
    deadlocks); one random slot per vote spreads parallel votes over SLOTS rows."""
    slot = random.randrange(SLOTS)
    rows = sorted(keys.items())
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    params: list = []
    for (question_ref, choice_ref, dimension, group), n in rows:
        params += [poll_id, question_ref, choice_ref, dimension, group, slot, n]
    sql = (
        f"INSERT INTO {table} (poll_id, question_ref, choice_ref, dimension, group_value, slot, count) "
        f"VALUES {values} ON CONFLICT (poll_id, question_ref, choice_ref, dimension, group_value, slot) "
        f"DO UPDATE SET count = {table}.count + excluded.count"
    )
    return sql, params


def add_statement_from_json(
    poll_id: int, keys: Counter[TallyKey], *, table: str = "panel_resulttally"
) -> tuple[str, list[int | str]]:
    """add_statement for PostgreSQL, with the keys passed as one JSON array: the SQL is the
    same text for every vote, so psycopg converts it once (its cache) and quotes one string,
    instead of quoting ~175 parameters into a statement of its own per vote. The rows go in
    in sorted key order (WITH ORDINALITY), as in add_statement."""
    slot = random.randrange(SLOTS)
    rows = [[*key, n] for key, n in sorted(keys.items())]
    sql = (
        f"INSERT INTO {table} (poll_id, question_ref, choice_ref, dimension, group_value, slot, count) "
        "SELECT %s, (k->>0)::integer, (k->>1)::integer, k->>2, k->>3, %s, (k->>4)::bigint "
        "FROM json_array_elements(%s) WITH ORDINALITY AS keys(k, i) ORDER BY i "
        "ON CONFLICT (poll_id, question_ref, choice_ref, dimension, group_value, slot) "
        f"DO UPDATE SET count = {table}.count + excluded.count"
    )
    return sql, [poll_id, slot, json.dumps(rows)]


def add(poll_id: int, keys: Counter[TallyKey], *, table: str = "panel_resulttally") -> None:
    """Add to the counters in one statement (see add_statement)."""
    sql, params = add_statement(poll_id, keys, table=table)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def rebuild(
    poll_ids: Iterable[int],
    *,
    Participation: type[models.Participation],
    Answer: type[models.Answer],
    ResultTally: type[models.ResultTally],
) -> None:
    """Recount the counters of these polls from the stored participations and answers.
    For bulk-loaded data and the first migration (which passes its historical models, with
    the same fields); not while the polls take votes."""
    for poll_id in poll_ids:
        ResultTally.objects.filter(poll_id=poll_id).delete()
        rows = [
            ResultTally(
                poll_id=poll_id, count=Participation.objects.filter(poll_id=poll_id).count()
            )
        ]
        answers = Answer.objects.filter(question__poll_id=poll_id, choice__isnull=False).order_by()
        for question_id, choice_id, n in answers.values_list("question_id", "choice_id").annotate(
            n=Count("pk")
        ):
            rows.append(
                ResultTally(
                    poll_id=poll_id, question_ref=question_id, choice_ref=choice_id, count=n
                )
            )
        for dimension, definition in DIMENSIONS.items():
            field = definition.answer_field
            cells: Counter[tuple[int, int, str]] = Counter()
            for question_id, choice_id, value, n in answers.values_list(
                "question_id", "choice_id", field
            ).annotate(n=Count("pk")):
                cells[(question_id, choice_id, stored_group(dimension, value))] += n
            rows.extend(
                ResultTally(
                    poll_id=poll_id,
                    question_ref=q,
                    choice_ref=c,
                    dimension=dimension,
                    group_value=g,
                    count=n,
                )
                for (q, c, g), n in cells.items()
            )
        ResultTally.objects.bulk_create(rows, batch_size=1000)
