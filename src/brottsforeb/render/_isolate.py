"""Running a repository's own template in a child process with hard limits.

The sandbox in ``_env.py`` counts loops, checks the clock at calls and chunks and refuses
huge values, but a single operation in C (``"%0999999999d"|format``, ``wordwrap`` on a
long word, a regex over megabytes) runs to its end before any check sees it. So where
the platform can fork, a template from the repository is rendered in a forked child:

- its address space may grow by at most ``MAX_EXTRA_BYTES`` (``RLIMIT_AS``): an
  allocation past that is a ``MemoryError`` in the child, never the machine's memory;
- the parent waits at most ``MAX_SECONDS`` + ``GRACE_SECONDS`` and then kills it, so
  no single operation can hold the render (or a CI job) longer than that.

The child sends back the text or the Swedish error through a pipe; whatever happens in
it (a crash, a kill) the parent gets a ``TemplateLimitError`` or ``RenderError``.
On a platform without fork (Windows) the in-process limits alone apply.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable

from ..errors import RenderError

__all__ = ["GRACE_SECONDS", "MAX_EXTRA_BYTES", "can_isolate", "in_child"]

#: How much more memory (address space) the child may take than it had when forked.
MAX_EXTRA_BYTES = 256 * 1024 * 1024
#: How long after the template's own time limit the parent kills the child.
GRACE_SECONDS = 2.0


def can_isolate() -> bool:
    return hasattr(os, "fork") and os.path.exists("/proc/self/statm")


def _limit_memory() -> None:
    import resource

    with open("/proc/self/statm", encoding="ascii") as f:
        current = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + MAX_EXTRA_BYTES
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(render: Callable[[], str], write: int) -> None:  # pragma: no cover - in the child
    status = 0
    try:
        try:
            _limit_memory()
            result: tuple[str, ...] = ("ok", render())
        except RenderError as exc:
            result = ("error", type(exc).__name__, exc.message, exc.hint or "")
        except MemoryError:
            result = ("memory",)
        except RecursionError:
            result = ("deep",)
        except BaseException as exc:
            result = ("crash", type(exc).__name__)
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory",))
        view = memoryview(payload)
        while view:
            view = view[os.write(write, view[: 1 << 20]) :]
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def in_child(
    render: Callable[[], str],
    seconds: float,
    limit: Callable[[str], RenderError],
) -> str:
    """``render()`` in a forked child with a memory limit, killed after ``seconds``.

    ``limit(what)`` makes the error for a limit passed ("tog mer än 10 sekunder").
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        _child(render, write)
    os.close(write)
    deadline = time.monotonic() + seconds + GRACE_SECONDS
    chunks: list[bytes] = []
    killed = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            ready, _, _ = select.select([read], [], [], left)
            if ready:
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read)
        _pid, status = os.waitpid(pid, 0)
    if killed:
        raise limit(f"tog mer än {seconds:.0f} sekunder")
    try:
        result = pickle.loads(b"".join(chunks))
    except Exception:
        result = ("died", status)
    if result[0] == "ok":
        return str(result[1])
    if result[0] == "error":
        _kind, cls, message, hint = result
        error = limit("") if cls == "TemplateLimitError" else RenderError("")
        error.args, error.message, error.hint = (message,), message, hint or None
        raise error
    if result[0] == "memory":
        raise limit(f"behövde mer än {MAX_EXTRA_BYTES // (1024 * 1024)} MB minne")
    if result[0] == "deep":
        raise limit("anropade sig själv för djupt")
    if result[0] == "crash":
        raise limit(f"stoppades av ett internt fel ({result[1]})")
    raise limit("avslutades oväntat")
