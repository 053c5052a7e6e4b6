"""The app lock's core calls (DB lane): its status, turning it on and off, locking now."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.domains.lock import AppLockStatus
    from app.core.service import Confidant


def app_lock_status(service: Confidant) -> AppLockStatus:
    """Whether the lock is on and the idle time. Runs on the DB lane."""
    return service.lock.status()


def lock_service(service: Confidant) -> None:
    """Close the store and let go of the key. Runs on the DB lane."""
    service.lock.lock_now()


def enable_app_lock(service: Confidant, passphrase: str) -> AppLockStatus:
    """Turn the app lock on. Runs on the DB lane."""
    return service.lock.enable(passphrase)


def disable_app_lock(service: Confidant, passphrase: str) -> AppLockStatus:
    """Turn the app lock off (only with the passphrase). Runs on the DB lane."""
    return service.lock.disable(passphrase)


def set_idle_minutes(service: Confidant, minutes: int) -> AppLockStatus:
    """Choose after how long without use the app locks itself. Runs on the DB lane."""
    service.lock.set_idle_minutes(minutes)
    return service.lock.status()
