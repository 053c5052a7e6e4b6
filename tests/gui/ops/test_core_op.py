"""CoreOp, the one builder every controller's core call goes through: lanes, outcomes, reports.

Real worker pools; the "facade" is a plain object of ours, since CoreOp only hands it to the
call (what a real facade does is tested with it, in tests/core and the controllers' tests).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import KnownError
from app.gui.ops import CoreOp, Lanes
from app.gui.workers import WorkerPool, db_lane, io_pool
from tests.gui.shells import SLOW_MS


class Facade:
    """Stands in for the facade: it names itself, and records the threads it ran on."""

    def __init__(self) -> None:
        self.threads: list[str] = []


@pytest.fixture
def pools() -> Iterator[tuple[WorkerPool, WorkerPool]]:
    pools = (db_lane(), io_pool())
    yield pools
    for pool in pools:
        pool.shutdown()


def _lanes(pools: tuple[WorkerPool, WorkerPool], reported: list[Exception]) -> Lanes:
    return Lanes(Facade(), pools[0], reported.append, pools[1])  # type: ignore[arg-type]


def _add(service: Facade, a: int, b: int) -> int:
    import threading

    service.threads.append(threading.current_thread().name)
    return a + b


def _fail(_service: Facade, exc: Exception) -> None:
    raise exc


def test_the_result_comes_back_to_success(
    qtbot: QtBot, pools: tuple[WorkerPool, WorkerPool]
) -> None:
    got: list[int] = []
    job = CoreOp(_add, 2, 3, success=got.append).run(_lanes(pools, []))
    assert job is not None
    qtbot.waitUntil(lambda: got == [5], timeout=SLOW_MS)


def test_network_work_runs_on_the_io_pool_not_the_db_lane(
    qtbot: QtBot, pools: tuple[WorkerPool, WorkerPool]
) -> None:
    lanes = _lanes(pools, [])
    got: list[int] = []
    CoreOp(_add, 1, 1, success=got.append).run(lanes)
    CoreOp(_add, 2, 2, success=got.append, network=True).run(lanes)
    qtbot.waitUntil(lambda: sorted(got) == [2, 4], timeout=SLOW_MS)
    service = lanes.service
    assert isinstance(service, Facade)
    # Each pool names its threads after itself; the two calls ran on different ones.
    assert len(set(service.threads)) == 2


def test_a_failure_goes_to_its_handler_or_else_to_the_report(
    qtbot: QtBot, pools: tuple[WorkerPool, WorkerPool]
) -> None:
    reported: list[Exception] = []
    handled: list[object] = []
    lanes = _lanes(pools, reported)
    CoreOp(_fail, KnownError("The disk is full.")).failure(handled.append).run(lanes)
    qtbot.waitUntil(lambda: len(handled) == 1, timeout=SLOW_MS)
    assert reported == []
    CoreOp(_fail, KnownError("The keyring is locked.")).run(lanes)
    qtbot.waitUntil(lambda: len(reported) == 1, timeout=SLOW_MS)
    assert str(reported[0]) == "The keyring is locked."
    assert len(handled) == 1


def test_nothing_runs_once_the_lane_is_closed(pools: tuple[WorkerPool, WorkerPool]) -> None:
    lanes = _lanes(pools, [])
    pools[0].shutdown()
    assert CoreOp(_add, 1, 2).run(lanes) is None


def test_network_work_needs_an_io_pool(pools: tuple[WorkerPool, WorkerPool]) -> None:
    lanes = Lanes(Facade(), pools[0], print)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="I/O pool"):
        CoreOp(_add, 1, 2, network=True).run(lanes)
