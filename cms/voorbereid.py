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
length is part of the shape). The read is compiled with two different sets of stand-ins: a
stand-in that does not arrive unchanged among the parameters, or SQL that differs between the
two, is refused when the read is prepared. A builder that breaks the rule fails at once rather
than reading the wrong rows. `None` and booleans have no stand-in: they are part of the shape,
each value gets its own prepared SQL. Other arguments (a model instance: pass its pk) are
refused.
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

MAX_PLANNEN = 256  # prepared SQL kept per read (one per shape of its arguments)
_GEEN_RIJEN = object()  # the query can match nothing (e.g. `__in=[]`): Django sends no SQL


_SOORTEN = (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable)


def _vorm(waarde):
    """The shape of an argument: the type its stand-in gets, a list of shapes, or ("waarde", x)
    for a value without a stand-in (None, a boolean), which is then part of the shape."""
    if isinstance(waarde, (list, tuple)):
        return ("lijst", tuple(_vorm(w) for w in waarde))
    if waarde is None or isinstance(waarde, bool):
        return ("waarde", waarde)
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
    raise TypeError(f"een voorbereide query krijgt geen {type(waarde).__name__}: geef de pk mee")


def _invuller(vorm, teller, reeks):
    """A stand-in for an argument of this shape, and the paths to its stand-ins.

    Two series (0 and 1) of different stand-ins: the read is compiled with both, so a constant of
    the query that happens to equal a stand-in is not taken for an argument. Integers stay within
    every integer column's range (Django leaves out a comparison with an out-of-range number).
    """
    if isinstance(vorm, tuple) and vorm[0] == "lijst":
        delen = [_invuller(v, teller, reeks) for v in vorm[1]]
        return [d[0] for d in delen], [
            ((i, *pad), s) for i, (_, paden) in enumerate(delen) for pad, s in paden
        ]
    if isinstance(vorm, tuple):  # ("waarde", x): the value itself
        return vorm[1], []
    k = next(teller)
    if k >= 1000:
        raise ImproperlyConfigured("een voorbereide query met meer dan 1000 argumentwaarden")
    jaar = 1001 + 1000 * reeks + k
    invul = {
        "int": lambda: 30_000 + 1_500 * reeks + k,
        "str": lambda: f"\ue000voorbereid-{reeks}-{k}\ue000",
        "date": lambda: dt.date(jaar, 2, 3),
        "datetime": lambda: dt.datetime(jaar, 2, 3, 4, 5, 6, 789),
        "datetime-tz": lambda: dt.datetime(jaar, 2, 3, 4, 5, 6, 789, tzinfo=dt.UTC),
        "time": lambda: dt.time(4 + reeks, 5, 6, 1000 + k),
    }[vorm]()
    return invul, [((), invul)]


def _omzettingen(ops):
    """Ways the backend may change a value on its way into the SQL parameters."""
    return (
        lambda w: w,
        ops.adapt_datefield_value,
        ops.adapt_datetimefield_value,
        ops.adapt_timefield_value,
    )


class _Plan:
    __slots__ = ("alias", "query", "sql", "params", "plaatsen", "velden", "namen", "soort", "model")


def _vertaald(bouw, vormen, reeks):
    """The queryset built with stand-ins of one series, its compiler, SQL and parameters
    (SQL `_GEEN_RIJEN` when it can match nothing), and the paths to the stand-ins."""
    teller = itertools.count()
    invullers, paden = [], []
    for i, vorm in enumerate(vormen):
        invul, eigen = _invuller(vorm, teller, reeks)
        invullers.append(invul)
        paden.extend(((i, *pad), s) for pad, s in eigen)
    qs = bouw(*invullers)
    compiler = qs.query.get_compiler(using=qs.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        sql, params = _GEEN_RIJEN, ()
    return qs, compiler, sql, list(params), paden


def _plekken(params, invul, omzetten):
    """[(position, conversion)] where the stand-in arrives among the parameters. A backend may
    wrap it in a subclass (psycopg's Int8 for a big integer column): the conversion does too."""
    try:
        vorm = omzetten(invul)
    except (TypeError, ValueError, AttributeError):
        return []
    uit = []
    for i, p in enumerate(params):
        if isinstance(p, type(vorm)) and not isinstance(p, bool) and p == vorm:
            soort = type(p)
            uit.append((i, omzetten if soort is type(vorm) else _ingepakt(soort, omzetten)))
    return uit


def _ingepakt(soort, omzetten):
    return lambda waarde: soort(omzetten(waarde))


def _opstellen(bouw, vormen):
    qs, compiler, sql, params, paden = _vertaald(bouw, vormen, 0)
    _, _, sql_b, params_b, paden_b = _vertaald(bouw, vormen, 1)
    if qs._iterable_class not in _SOORTEN or (
        qs._iterable_class is ModelIterable
        and (qs.query.select_related or qs.query.annotation_select or qs._prefetch_related_lookups)
    ):
        raise ImproperlyConfigured(
            f"{bouw.__qualname__}: een voorbereide query levert values() of gewone objecten"
        )

    def weigeren(wat):
        return ImproperlyConfigured(f"{bouw.__qualname__}: {wat}")

    if sql != sql_b or len(params) != len(params_b):
        raise weigeren("de SQL hangt af van de waarde van een argument")
    plan = _Plan()
    plan.alias = qs.db
    plan.sql = sql
    if sql is _GEEN_RIJEN:
        return plan
    plan.params = params
    plan.plaatsen = []
    omzettingen = _omzettingen(connections[plan.alias].ops)
    for (pad, invul), (_, invul_b) in zip(paden, paden_b, strict=True):
        for omzetten in omzettingen:
            plekken = _plekken(params, invul, omzetten)
            if plekken and [i for i, _ in plekken] == [
                i for i, _ in _plekken(params_b, invul_b, omzetten)
            ]:
                plan.plaatsen.extend((i, pad, zo) for i, zo in plekken)
                break
        else:
            raise weigeren(f"argument {pad} komt niet ongewijzigd in de SQL-parameters")
    vast = {i for i, _, _ in plan.plaatsen}
    if any(params[i] != params_b[i] for i in range(len(params)) if i not in vast):
        raise weigeren("een parameter hangt op een andere manier van de argumenten af")
    plan.velden = [kolom[0] for kolom in compiler.select[0 : compiler.col_count]]
    query = plan.query = qs.query
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
            if len(plannen) >= MAX_PLANNEN:  # lists of ever new lengths: start over
                plannen.clear()
            plan = plannen[vormen] = _opstellen(bouw, vormen)
        if plan.sql is _GEEN_RIJEN:
            return []
        params = list(plan.params)
        for i, pad, omzetten in plan.plaatsen:
            params[i] = omzetten(_waarde(args, pad))
        connection = connections[plan.alias]
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rijen = cursor.fetchall()
        # Django's own conversion of the columns (dates on SQLite, decimals, aggregates).
        compiler = plan.query.get_compiler(using=plan.alias)
        omzetters = compiler.get_converters(plan.velden)
        if omzetters:
            rijen = list(compiler.apply_converters(rijen, omzetters))
        if plan.soort is FlatValuesListIterable:
            return [rij[0] for rij in rijen]
        if plan.soort is ValuesIterable:
            return [dict(zip(plan.namen, rij, strict=True)) for rij in rijen]
        if plan.soort is ModelIterable:
            return [plan.model.from_db(plan.alias, plan.namen, rij) for rij in rijen]
        return [tuple(rij) for rij in rijen]

    lezen.plannen = plannen
    return lezen
