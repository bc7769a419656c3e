"""Prepared reads: a queryset whose SQL only changes in its parameters is built once.

Building and compiling a queryset costs Django 600 to 2,000 Python calls; the database answers a
small per-user read (the user's teams, groups, next session) in far less. The home page, the
leercyclus and the team page each make a dozen such reads per request, so the ORM's work was a
third of their time.

`@voorbereid` marks a function that builds a queryset from its arguments: `values()`,
`values_list()`, or plain objects of one model (no `select_related`, no annotations). The first
call with a given shape of arguments (which types, how long each list) builds the queryset with
stand-in values, compiles it, and records where each stand-in ends up among the SQL parameters.
Every later call sends that SQL with the caller's values and converts the rows as Django would.
The result is what `list(queryset)` would give.

The builder must be a plain function of its arguments: it passes them to filters unchanged (no
arithmetic on them, no branching on their value; branching on a list's length is fine, the
length is part of the shape). A stand-in that does not arrive unchanged in the
parameters (or lands in the SQL text itself) is refused when the read is prepared, so a builder
that breaks the rule fails at once rather than reading the wrong rows. `None`, booleans and other
values without a stand-in become part of the shape: each value gets its own prepared SQL.
"""

import datetime as dt
import itertools
from functools import wraps

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
)

_GEEN_RIJEN = object()  # the query can match nothing (e.g. `__in=[]`): Django sends no SQL


_SOORTEN = (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable)


def _soort(waarde):
    """How an argument is stood in for: a type name, or None if its value is part of the shape."""
    if isinstance(waarde, bool) or waarde is None:
        return None
    if isinstance(waarde, int):
        return "int"
    if isinstance(waarde, str):
        return "str"
    if isinstance(waarde, dt.datetime):
        return "datetime-tz" if waarde.tzinfo is not None else "datetime"
    if isinstance(waarde, dt.date):
        return "date"
    if isinstance(waarde, dt.time):
        return "time"
    return None


def _vorm(waarde):
    if isinstance(waarde, (list, tuple, set, frozenset)):
        return ("lijst", tuple(_vorm(w) for w in waarde))
    soort = _soort(waarde)
    return soort if soort is not None else ("waarde", waarde)


def _invuller(vorm, teller):
    """A stand-in for an argument of this shape, and the paths to its stand-ins."""
    if isinstance(vorm, tuple) and vorm[0] == "lijst":
        delen = [_invuller(v, teller) for v in vorm[1]]
        return [d[0] for d in delen], [
            ((i, *pad), s) for i, (_, paden) in enumerate(delen) for pad, s in paden
        ]
    if isinstance(vorm, tuple):  # ("waarde", x): the value itself
        return vorm[1], []
    k = next(teller)
    invul = {
        "int": lambda: -7_310_000_000_000 - k,
        "str": lambda: f"\ue000voorbereid-{k}\ue000",
        "date": lambda: dt.date(1001 + k, 2, 3),
        "datetime": lambda: dt.datetime(1001 + k, 2, 3, 4, 5, 6, 789),
        "datetime-tz": lambda: dt.datetime(1001 + k, 2, 3, 4, 5, 6, 789, tzinfo=dt.UTC),
        "time": lambda: dt.time(4, 5, 6, 1000 + k),
    }[vorm]()
    return invul, [((), invul)]


def _omzettingen(ops):
    """Ways the backend may change a value on its way into the SQL parameters."""
    return (
        ("gelijk", lambda w: w),
        ("datum", ops.adapt_datefield_value),
        ("moment", ops.adapt_datetimefield_value),
        ("tijd", ops.adapt_timefield_value),
    )


class _Plan:
    __slots__ = ("alias", "sql", "params", "plaatsen", "velden", "namen", "soort", "model")


def _opstellen(bouw, args, vormen):
    teller = itertools.count()
    invullers, paden = [], []
    for i, vorm in enumerate(vormen):
        invul, eigen = _invuller(vorm, teller)
        invullers.append(invul)
        paden.extend(((i, *pad), s) for pad, s in eigen)
    qs = bouw(*invullers)
    if qs._iterable_class not in _SOORTEN or (
        qs._iterable_class is ModelIterable
        and (qs.query.select_related or qs.query.annotation_select or qs._prefetch_related_lookups)
    ):
        raise ImproperlyConfigured(
            f"{bouw.__qualname__}: een voorbereide query levert values() of gewone objecten"
        )
    plan = _Plan()
    plan.alias = qs.db
    connection = connections[plan.alias]
    compiler = qs.query.get_compiler(using=plan.alias)
    try:
        plan.sql, params = compiler.as_sql()
    except EmptyResultSet:
        plan.sql = _GEEN_RIJEN
        return plan
    plan.params = list(params)
    omzettingen = _omzettingen(connection.ops)
    plan.plaatsen = []
    for pad, invul in paden:
        gevonden = False
        for _naam, omzetten in omzettingen:
            try:
                vorm = omzetten(invul)
            except (TypeError, ValueError, AttributeError):
                continue
            plekken = [i for i, p in enumerate(plan.params) if type(p) is type(vorm) and p == vorm]
            if plekken:
                plan.plaatsen.extend((i, pad, omzetten) for i in plekken)
                gevonden = True
                break
        if not gevonden or str(invul) in plan.sql:
            raise ImproperlyConfigured(
                f"{bouw.__qualname__}: argument {pad} komt niet ongewijzigd in de SQL-parameters"
            )
    plan.velden = [kolom[0] for kolom in compiler.select[0 : compiler.col_count]]
    query = qs.query
    plan.soort = qs._iterable_class
    if plan.soort is ModelIterable:
        plan.namen = [veld.target.attname for veld in plan.velden]
        plan.model = qs.model
    else:
        plan.namen = (  # as ValuesIterable names them
            list(query.selected)
            if query.selected
            else [*query.extra_select, *query.values_select, *query.annotation_select]
        )
    return plan


def _waarde(args, pad):
    waarde = args
    for i in pad:
        waarde = waarde[i]
    return waarde


def voorbereid(bouw):
    plannen = {}

    @wraps(bouw)
    def lezen(*args):
        args = tuple(list(a) if isinstance(a, (set, frozenset)) else a for a in args)
        vormen = tuple(_vorm(a) for a in args)
        plan = plannen.get(vormen)
        if plan is None:
            plan = plannen[vormen] = _opstellen(bouw, args, vormen)
        if plan.sql is _GEEN_RIJEN:
            return []
        params = list(plan.params)
        for i, pad, omzetten in plan.plaatsen:
            params[i] = omzetten(_waarde(args, pad))
        connection = connections[plan.alias]
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rijen = cursor.fetchall()
        omzetters = []
        for positie, veld in enumerate(plan.velden):
            functies = connection.ops.get_db_converters(veld) + veld.get_db_converters(connection)
            if functies:
                omzetters.append((positie, functies, veld))
        if omzetters:
            rijen = [list(rij) for rij in rijen]
            for rij in rijen:
                for positie, functies, veld in omzetters:
                    waarde = rij[positie]
                    for omzetter in functies:
                        waarde = omzetter(waarde, veld, connection)
                    rij[positie] = waarde
        if plan.soort is FlatValuesListIterable:
            return [rij[0] for rij in rijen]
        if plan.soort is ValuesIterable:
            return [dict(zip(plan.namen, rij, strict=True)) for rij in rijen]
        if plan.soort is ModelIterable:
            return [plan.model.from_db(plan.alias, plan.namen, rij) for rij in rijen]
        return [tuple(rij) for rij in rijen]

    lezen.plannen = plannen
    return lezen
