"""Writing the outputs safely: paths that would destroy an input or another output are refused,
all outputs are written under one lock and replaced all or nothing, and SIGINT/SIGTERM clean up.

The guarantees, as the README's "Security model" states them:
- refused before anything is written: an output that is the model (same file, also through a
  symlink or a hard link), an output named twice in one command, an existing output that is
  not a regular file (folder, FIFO, device, socket);
- one exclusive lock file per output folder (`.matgradc.lock`, fcntl.flock, taken in a fixed
  order, removed after): two matgradc commands writing to the same folder never interleave;
- every output is first written in full to a temporary beside it; then each is renamed into
  place, after a hard link (or a copy) of the file it replaces is kept as a backup. When a
  rename fails, or a signal arrives, the outputs already replaced are restored from their
  backups (byte for byte, same inode) and new ones removed: the outputs are all new or all as
  they were. SIGINT and SIGTERM are held back while the renames (or the restore) run;
- temporaries and backups are removed on success, on error and on SIGINT/SIGTERM (in the
  command line). SIGKILL or a power loss during the renames can leave a mix and
  `.matgradc-*` files behind: no program can promise more without help from the file system.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence

from .diagnostics import CompileError

LOCK_NAME = ".matgradc.lock"
_TEMP_PREFIX = ".matgradc-"
_SIGNALS = tuple(getattr(signal, s) for s in ("SIGINT", "SIGTERM") if hasattr(signal, s))

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover -- Windows: no advisory locks; renames still roll back
    fcntl = None  # type: ignore[assignment]


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM, raised where the program was so that cleanups run."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    """While inside: SIGINT and SIGTERM raise Interrupted (once; a second signal while the
    first is being handled is ignored, so cleanups finish). The previous handlers come back
    on exit. Outside the main thread this does nothing (Python only handles signals there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired: list[int] = []

    def handler(signum, frame):
        if not fired:
            fired.append(signum)
            raise Interrupted(signum)

    old = {s: signal.signal(s, handler) for s in _SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (pending) until the block ends: used around the renames and
    their rollback, which must not stop half way."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover -- Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# -- which paths may be written ------------------------------------------------------------
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _stat(path: str) -> os.stat_result | None:
    """The file a path names (following symlinks), None for a new path."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise CompileError(
            f"cannot write {path}: {e.strerror}",
            hint="the output folder must exist and be writable",
        ) from None


def check_outputs(
    paths: Sequence[str], inputs: Sequence[str] = (), labels: Sequence[str] | None = None
) -> None:
    """Refuse (CompileError) an output that is one of the inputs (compared by device and inode,
    so also through symlinks and hard links, and by resolved path), that another output of the
    same command also names, or that exists and is not a regular file."""
    labels = list(labels) if labels is not None else ["output"] * len(paths)
    hint = "choose another output path"
    known: dict[object, tuple[str, str]] = {}  # identity -> (label, path)
    for path in inputs:
        ident = ("model", path)
        known[os.path.realpath(path)] = ident
        with contextlib.suppress(OSError):
            st = os.stat(path)
            known[(st.st_dev, st.st_ino)] = ident
    for label, path in zip(labels, paths, strict=True):
        if not path:
            raise CompileError(f"{label}: an empty path", hint=hint)
        if os.path.basename(path) == LOCK_NAME:
            raise CompileError(f"{label} {path}: matgradc uses that name for its lock", hint=hint)
        st = _stat(path)
        keys: list[object] = [os.path.realpath(os.path.abspath(path))]
        if st is not None:
            keys.insert(0, (st.st_dev, st.st_ino))
        for key in keys:
            if key not in known:
                continue
            other_label, other = known[key]
            if other_label == "model":
                raise CompileError(
                    f"{label} {path} is the model {other} itself: writing it would destroy "
                    "the model",
                    hint=hint,
                )
            raise CompileError(
                f"{label} {path} and {other_label} {other} are the same file",
                hint="give each output its own path",
            )
        if st is not None:
            if stat.S_ISDIR(st.st_mode):
                raise CompileError(
                    f"cannot write {path}: it is a folder",
                    hint=f"give a file name with {label}",
                )
            for test, kind in _KINDS:
                if test(st.st_mode):
                    raise CompileError(
                        f"cannot write {path}: it is {kind}, not a regular file",
                        hint="outputs are regular files, replaced by a rename: " + hint,
                    )
            if not stat.S_ISREG(st.st_mode):  # pragma: no cover -- other exotic file types
                raise CompileError(f"cannot write {path}: it is not a regular file", hint=hint)
        for key in keys:
            known[key] = (label, path)


# -- the lock -------------------------------------------------------------------------------
@contextlib.contextmanager
def locked(paths: Sequence[str]) -> Iterator[None]:
    """Hold an exclusive lock on the folder of every path (a `.matgradc.lock` file in it,
    locked with flock in the order of the folders' real paths, so that two commands never
    deadlock). Each lock file is removed before it is released."""
    folders: dict[str, str] = {}
    for p in paths:
        folders.setdefault(os.path.realpath(os.path.dirname(os.path.abspath(p))), p)
    held: list[tuple[int, str]] = []
    try:
        for folder in sorted(folders):
            if fcntl is None:  # pragma: no cover -- Windows
                break
            held.append(_lock(folder, folders[folder]))
        yield
    finally:
        for fd, lock in reversed(held):
            with contextlib.suppress(OSError):
                os.unlink(lock)  # while still holding it: see _lock
            os.close(fd)


def _lock(folder: str, path: str) -> tuple[int, str]:
    """Lock `folder/.matgradc.lock`. A holder removes the file before it releases it, so a
    waiter may get the lock of a removed file: it then checks that the file it locked is still
    the one at that path, and tries again if not."""
    lock = os.path.join(folder, LOCK_NAME)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as e:
            raise CompileError(
                f"cannot write {path}: {e.strerror}",
                hint="the output folder must exist and be writable",
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(lock))
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            return fd, lock
        os.close(fd)


# -- writing ----------------------------------------------------------------------------------
def _write(fd: int, data: bytes) -> None:
    """Write a staged temporary in full (a function of its own, so tests can slow it down)."""
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _mode(path: str) -> int:
    """The permissions for `path`: those of the file it replaces, else 0666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _backup(path: str) -> str | None:
    """A hard link to the file (or symlink) at `path`, beside it, or a copy where links are not
    supported; None when nothing is there."""
    if not os.path.lexists(path):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        name = os.path.join(folder, f"{_TEMP_PREFIX}{secrets.token_hex(8)}.bak")
        try:
            os.link(path, name, follow_symlinks=False)
            return name
        except FileExistsError:
            continue
        except OSError:
            break
    if os.path.islink(path):
        os.symlink(os.readlink(path), name)
        return name
    fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".bak", dir=folder)
    os.close(fd)
    shutil.copy2(path, name)
    return name


def write_atomically(
    files: Sequence[tuple[str, str]],
    inputs: Sequence[str] = (),
    labels: Sequence[str] | None = None,
) -> None:
    """Write every (path, text) as UTF-8, bytes exactly as given, all or nothing (see the
    module docstring), after refusing paths that check_outputs refuses."""
    if not files:
        return
    paths = [p for p, _ in files]
    check_outputs(paths, inputs, labels)
    with locked(paths):
        check_outputs(paths, inputs, labels)  # again: the files may have changed meanwhile
        staged: list[tuple[str, str]] = []  # (temporary, target)
        try:
            for path, text in files:
                folder = os.path.dirname(os.path.abspath(path))
                try:
                    fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)
                except OSError as e:
                    raise CompileError(
                        f"cannot write {path}: {e.strerror}",
                        hint="the output folder must exist and be writable",
                    ) from None
                staged.append((tmp, path))
                _write(fd, text.encode("utf-8"))
                os.chmod(tmp, _mode(path))
            committed = False
            try:
                with _signals_held():
                    _commit(staged)
                    committed = True
            except KeyboardInterrupt as e:  # held back during the renames, raised after them
                e.outputs_written = committed  # type: ignore[attr-defined]
                raise
        finally:
            with _signals_held():
                for tmp, _ in staged:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(tmp)


def _commit(staged: list[tuple[str, str]]) -> None:
    """Rename each temporary onto its target, keeping a backup of each file replaced until
    all renames succeeded; on any failure put every target back as it was."""
    backups: dict[str, str | None] = {}
    done: list[str] = []
    try:
        for tmp, path in staged:
            try:
                backups[path] = _backup(path)
                os.replace(tmp, path)
            except OSError as e:
                raise CompileError(
                    f"cannot write {path}: {e.strerror}; no output was changed",
                    hint="the output folder must be writable",
                ) from None
            done.append(path)
    except BaseException:
        failed = _rollback(done, backups)
        if failed:
            raise CompileError(
                "writing the outputs failed, and so did restoring " + "; ".join(failed),
                hint="restore those files by hand from the backups named",
            ) from None
        raise
    finally:
        for path, backup in backups.items():
            if backup is not None and os.path.lexists(backup):
                with contextlib.suppress(OSError):
                    os.unlink(backup)


def _rollback(done: list[str], backups: dict[str, str | None]) -> list[str]:
    """Put each replaced target back (from its backup) or remove it (it was new), latest first.
    Returns what could not be restored; the backups of those are kept."""
    failed = []
    for path in reversed(done):
        backup = backups.get(path)
        try:
            if backup is None:
                os.unlink(path)
            else:
                os.replace(backup, path)
        except OSError as e:
            if backup is not None:
                backups[path] = None  # keep it for the user
            failed.append(
                f"{path} ({e.strerror}; "
                + (f"its previous content is in {backup})" if backup else "it was new)")
            )
    return failed
