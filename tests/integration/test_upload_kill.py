"""A SIGKILL during upload loses no item, and no item ends up delivered twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.service import Confidant
from tests.helpers.collector import running_collector
from tests.helpers.files import REPO_ROOT


@pytest.mark.slow
def test_killed_upload_is_finished_without_loss_or_double_delivery(profile_dir: Path) -> None:
    rng = random.Random(1124)
    with running_collector() as collector:
        service = Confidant(profile_dir)
        service.open()
        service.upstream.configure(collector.url, collector.collector_key_b64, None)
        service.upstream.settings.set_review(False)
        service.consent.grant("share_for_training")
        queued: set[str] = set()
        for round_number in range(3):
            for index in range(20):
                conversation = service.chat.new_conversation()
                service.chat.send(
                    conversation, f"round {round_number} question {index} about ferns"
                )
            queued |= {item.id for item in service.upstream.items()}
            service.close()

            # The collector records each batch, then waits before answering: the kill lands
            # after the items arrived but before the client heard back, the riskiest moment.
            collector.reply_delay = 0.5
            worker = subprocess.Popen(
                [sys.executable, "-m", "tests.helpers.upload_worker", str(profile_dir)],
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "sending"
            time.sleep(rng.uniform(0.1, 0.4))
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
            assert worker.stdout.read().strip() != "done"  # it really died mid-upload
            worker.stdout.close()
            collector.reply_delay = 0.0

            service.open()
            # Nothing was lost: what the client did not hear back about is still queued.
            left = {item.id for item in service.upstream.items()}
            assert queued - set(collector.received.items) <= left
            service.upstream.send()
            assert service.upstream.items() == []

        assert set(collector.received.items) == queued  # every item arrived
        # Re-sent batches are recognised by item id: each item is stored once upstream.
        assert len(collector.received.items) == len(queued) == 60
        assert collector.received.duplicates  # the kill really forced a resend
        service.close()
