"""The default evaluator: compiled rules run in durable-rules (Rete, C core).

Design points (see docs/architecture.md): facts, not events; one session per assessment,
deleted in `finally`; every action only records which rule fired (idempotent, so `$or`
firing once per branch is harmless); after every assert the session state is checked for
an exception the wrapper swallowed; a Host without timer threads keeps evaluation
synchronous; sessions are serial per host (a lock), so 32-bit session-id hashes never mix.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import itertools
import logging
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import Any

from riskmodel.compile.ir import ConditionKey, Node
from riskmodel.errors import EngineError, RuleError, make_diagnostic, msg
from riskmodel.evaluate.base import Evaluator
from riskmodel.evaluate.durable.limits import (
    MAX_REGISTERED_RULESETS,
    SENTINEL_RULE,
    TYPE_ATTR,
    located_problems,
)
from riskmodel.evaluate.durable.plan import DurablePlan, DurableRuleset
from riskmodel.evaluate.durable.translate import (
    AUX,
    aux_attr,
    indicator_attr,
    level_attrs,
    plan_phase,
)
from riskmodel.evaluate.kleene import Derived, Tri

_TRI_CODE = {Tri.FALSE: 0, Tri.UNKNOWN: 1, Tri.TRUE: 2}
_FACT_TYPES = {"feiten": "profiel", "interventies": "afgeleid"}


# durable-rules logs (with traceback) every exception that escapes an action, and with no
# handler configured Python's last-resort handler prints it; our failures are reported as
# EngineError instead. An application that configures logging still receives the records.
logging.getLogger("durable").addHandler(logging.NullHandler())


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Ctrl-C while the C core or an action runs is held until the assessment's asserts are
    done, then raised as KeyboardInterrupt (the CLI exits 130 quietly). Otherwise durable-rules
    catches it around the action (BaseException), turns it into a session exception (an
    EngineError, exit 1) and prints its traceback; and an interrupt half way an assert could
    leave a session behind. Holds at most one assessment's asserts (milliseconds)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except ValueError:  # pragma: no cover - not the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if previous is signal.SIG_IGN:
            return
        if callable(previous) and previous is not signal.default_int_handler:
            previous(signal.SIGINT, None)  # the application's own handler
            return
        raise KeyboardInterrupt


def _durable_host_class() -> type[Any]:
    try:
        from durable.engine import Host
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EngineError(
            "durable-rules is niet geïnstalleerd of niet gecompileerd; installeer "
            "'durable-rules==2.0.28' of gebruik --engine python"
        ) from exc

    class SyncHost(Host):  # type: ignore[misc]
        """No timer threads: we dispatch synchronously in assert_fact."""

        def __init__(self, resolve: Callable[[str], Callable[[Any], None]]) -> None:
            self._resolve = resolve
            super().__init__()

        def _run(self) -> None:
            return None

        def get_action(self, action_name: str) -> Callable[[Any], None]:
            return self._resolve(action_name)

    return SyncHost


@functools.cache
def _durable_version() -> str:
    """Read once: package metadata lookups cost about 1 ms, on every receipt otherwise."""
    try:
        return metadata.version("durable_rules")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "onbekend"


class _Engine:
    """One durable-rules host with its registered rulesets, shared by every evaluator of a
    process (or private, for tests).

    Memory stays bounded however long the process runs: rulesets are keyed by content hash,
    so evaluators and peildata with the same law share them; at most `max_rulesets` stay
    registered (least recently used ones are freed with the C core's `delete_ruleset`); and
    a ruleset whose assert failed is freed at once (its half-processed session is never
    `delete_state`d, which crashes the C core) instead of discarding and leaking the host.
    """

    def __init__(self, max_rulesets: int = MAX_REGISTERED_RULESETS,
                 record: Callable[[str], Callable[[Any], None]] | None = None) -> None:
        self._resolve = record
        self.lock = threading.RLock()
        self.host: Any = None
        self.registered: OrderedDict[str, None] = OrderedDict()
        self.fired: dict[str, set[str]] = {}
        self.sessions = itertools.count(1)
        self.max_rulesets = max_rulesets

    def _record(self, action_name: str) -> Callable[[Any], None]:
        def action(c: Any) -> None:
            self.fired.setdefault(str(c.s.sid), set()).add(action_name)

        return action

    def ensure_host(self) -> Any:
        if self.host is None:
            self.host = _durable_host_class()(self._resolve or self._record)
        return self.host

    def free(self, name: str) -> None:
        """Unregister one ruleset and free its C memory (sessions included)."""
        self.registered.pop(name, None)
        host = self.host
        if host is None:
            return
        ruleset = host._ruleset_directory.pop(name, None)
        if ruleset is None:
            return
        with contextlib.suppress(ValueError):
            host._ruleset_list.remove(ruleset)
        import durable_rules_engine

        with contextlib.suppress(Exception):
            durable_rules_engine.delete_ruleset(ruleset._handle)

    def register(self, plan: DurablePlan) -> None:
        host = self.ensure_host()
        keep = {rs.name for rs in plan.rulesets}
        for rs in plan.rulesets:
            if rs.name in self.registered:
                self.registered.move_to_end(rs.name)
                continue
            while len(self.registered) >= self.max_rulesets:
                victim = next((n for n in self.registered if n not in keep), None)
                if victim is None:
                    break
                self.free(victim)
            definition = copy.deepcopy(rs.definition)  # registration mutates the dict
            for rule_name, rule in definition.items():
                rule["run"] = f"{rs.name}|{rule_name}"
            try:
                host.register_rulesets({rs.name: definition})
            except Exception as exc:
                self.free(rs.name)
                raise EngineError(f"durable-rules weigerde ruleset {rs.name}: {exc}") from exc
            self.registered[rs.name] = None

    def run(self, rs: DurableRuleset, fact_type: str, fact: dict[str, Any]) -> set[str]:
        """Assert the fact into one ruleset in a fresh session; the rule names that fired."""
        host = self.host
        sid = str(next(self.sessions))
        self.fired.pop(sid, None)
        asserted = False
        try:
            # Every ruleset has a sentinel rule, so "no rule matched" (which would make the
            # later delete_state crash the C core) cannot happen.
            try:
                projected = {a: fact[a] for a in rs.attributes if a in fact}
                host.assert_fact(rs.name, {"sid": sid, "id": "feit", TYPE_ATTR: fact_type,
                                           **projected})
            except Exception:
                # After a failed assert the C core aborts the process on delete_state
                # (measured); free the whole ruleset instead, and register it anew next time.
                self.free(rs.name)
                raise
            asserted = True
            state = host.get_state(rs.name, sid)
            if state and state.get("exception"):
                raise EngineError(f"fout in durable-rules sessie ({rs.name}): {state['exception']}")
            if f"{rs.name}|{SENTINEL_RULE}" not in self.fired.get(sid, set()):
                raise EngineError(
                    f"durable-rules verwerkte het feit niet in {rs.name} (de controleregel "
                    "vuurde niet); geen resultaat is beter dan een leeg")
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"durable-rules faalde in {rs.name}: {exc}") from exc
        finally:
            names = {name.split("|", 1)[1] for name in self.fired.pop(sid, set())}
            if asserted:
                with contextlib.suppress(Exception):
                    host.delete_state(rs.name, sid)
        return names


#: the process-wide engine; see _Engine
_SHARED = _Engine()


def prove_plans(plans: list[DurablePlan]) -> list[tuple[str, list[ConditionKey]]]:
    """Register every ruleset of the plans in a scratch engine, then free it: the rulesets
    durable-rules refuses, with the model conditions they decide. Empty when durable-rules
    is not installed (the static checks in limits.check_plan still apply)."""
    try:
        _durable_host_class()
    except EngineError:  # pragma: no cover - depends on the installation
        return []
    engine = _Engine()
    problems: list[tuple[str, list[ConditionKey]]] = []
    try:
        for plan in plans:
            for rs in plan.rulesets:
                single = DurablePlan(plan.phase, plan.fact_type, [rs])
                try:
                    engine.register(single)
                except EngineError as exc:
                    problems.append((str(exc), plan.conditions_of(rs)))
    finally:
        for name in list(engine.registered):
            engine.free(name)
    return problems


class DurableEvaluator(Evaluator):
    name = "durable"

    def __init__(self, rules_per_ruleset: int | None = None,
                 engine: _Engine | None = None) -> None:
        self._engine = engine if engine is not None else _SHARED
        self._plans: dict[tuple[str, tuple[tuple[ConditionKey, Node], ...]], DurablePlan] = {}
        self._rules_per_ruleset = rules_per_ruleset

    # views on the (shared) engine, for tests and diagnostics
    @property
    def _host(self) -> Any:
        return self._engine.host

    @property
    def _registered(self) -> set[str]:
        return set(self._engine.registered)

    @property
    def _fired(self) -> dict[str, set[str]]:
        return self._engine.fired

    @property
    def _sessions(self) -> Any:
        return self._engine.sessions

    def _ensure_host(self) -> Any:
        return self._engine.ensure_host()

    def version(self) -> str:
        return _durable_version()

    def plan(self, phase: str, conditions: dict[ConditionKey, Node]) -> DurablePlan:
        key = (phase, tuple(sorted(conditions.items(), key=lambda kv: kv[0])),
               self._rules_per_ruleset)
        plan = self._plans.get(key[:2])
        if plan is None:
            plan = _cached_plan(key, conditions)
            self._plans[key[:2]] = plan
        return plan

    def decide(
        self,
        phase: str,
        conditions: dict[ConditionKey, Node],
        env: dict[str, int | str],
        derived: Derived | None,
    ) -> dict[ConditionKey, Tri]:
        plan = self.plan(phase, conditions)
        fact = _engine_fact(plan.fact_type, env, derived)
        override = self.__dict__.get("_record")
        if override is not None and self._engine is _SHARED:
            # an action recorder set on this instance (tests inject failures so) must not
            # reach the rulesets of the shared engine: give this evaluator its own
            self._engine = _Engine(record=override)
        engine = self._engine
        fired: set[str] = set()
        with engine.lock, _sigint_deferred():
            try:
                engine.register(plan)
            except EngineError as exc:
                bad = [rs for rs in plan.rulesets if rs.name not in engine.registered]
                raise _model_error([(str(exc), plan.conditions_of(bad[0]) if bad else [])]) \
                    from exc
            stage = 0
            for rs in plan.rulesets:  # in stage order
                if rs.stage != stage:
                    # results of the auxiliary conditions feed the next stage
                    for (kind, *rest), value in _truth(plan, None, fired).items():
                        if kind == AUX:
                            fact[aux_attr(rest[0])] = _TRI_CODE[value]
                    stage = rs.stage
                fired |= {f"{name}@{rs.name}" for name in engine.run(rs, plan.fact_type, fact)}
        truth = _truth(plan, None, fired)
        return {key: truth.get(key, Tri.FALSE) for key in conditions}


#: plans shared by every evaluator of the process (a fresh evaluator per request must not
#: translate the model again); bounded like the registered rulesets
_PLAN_CACHE: OrderedDict[Any, DurablePlan] = OrderedDict()
_PLAN_CACHE_SIZE = 64
_PLAN_LOCK = threading.Lock()


def _cached_plan(key: Any, conditions: dict[ConditionKey, Node]) -> DurablePlan:
    phase, _, rules_per_ruleset = key
    with _PLAN_LOCK:
        plan = _PLAN_CACHE.get(key)
        if plan is not None:
            _PLAN_CACHE.move_to_end(key)
            return plan
    kwargs = {"rules_per_ruleset": rules_per_ruleset} if rules_per_ruleset else {}
    plan = plan_phase(phase, _FACT_TYPES[phase], conditions, **kwargs)
    problems = located_problems(plan)
    if problems:
        raise _model_error(problems)
    with _PLAN_LOCK:
        _PLAN_CACHE[key] = plan
        while len(_PLAN_CACHE) > _PLAN_CACHE_SIZE:
            _PLAN_CACHE.popitem(last=False)
    return plan


def _model_error(problems: list[tuple[str, list[ConditionKey]]]) -> RuleError:
    """The model does not fit durable-rules: the user's to fix (exit 2), located at the
    conditions (section and id) concerned."""
    return RuleError([
        make_diagnostic("<regels>", None, None, ".".join(keys[0]) if keys else "",
                        msg("durable.model_limit", problem=problem), code="engine-limit")
        for problem, keys in problems
    ])


def _engine_fact(fact_type: str, env: dict[str, int | str],
                 derived: Derived | None) -> dict[str, Any]:
    """The one fact asserted per phase: encoded profile plus, in phase 2, indicator results
    (0/1/2) and level ranks (certain, possible) as attributes."""
    fact: dict[str, Any] = {TYPE_ATTR: fact_type, **env}
    if derived is not None:
        for ind_id, status in derived.indicators.items():
            fact[indicator_attr(ind_id)] = _TRI_CODE[status]
        for ph_id, (certain, possible) in derived.levels.items():
            nz, nm = level_attrs(ph_id)
            fact[nz] = certain
            fact[nm] = possible
    return fact


def _truth(plan: DurablePlan, conditions: dict[ConditionKey, Node] | None,
           fired: set[str]) -> dict[ConditionKey, Tri]:
    """T fired -> true; only P fired -> undecided; neither -> false."""
    result: dict[ConditionKey, Tri] = {key: Tri.FALSE for key in conditions or ()}
    for rs in plan.rulesets:
        for rule_name, (key, mode) in rs.rules.items():
            result.setdefault(key, Tri.FALSE)
            if f"{rule_name}@{rs.name}" not in fired:
                continue
            if mode == "T":
                result[key] = Tri.TRUE
            elif result[key] is Tri.FALSE:
                result[key] = Tri.UNKNOWN
    return result
