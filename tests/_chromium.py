"""Open a page in headless Chromium through the DevTools protocol (over a pipe, no extra
package): every request the page makes, its console errors, and a screenshot."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageReport:
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    title: str = ""


class _Pipe:
    def __init__(self, write_fd: int, read_fd: int) -> None:
        self.w = os.fdopen(write_fd, "wb", buffering=0)
        self.r = os.fdopen(read_fd, "rb", buffering=0)
        self.buf = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buf:
            chunk = self.r.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return dict(json.loads(raw))

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.w.write(json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for i, ev in enumerate(self.events):
            if ev.get("method") == method:
                return self.events.pop(i)
        while True:
            ev = self._read()
            if ev.get("method") == method:
                return ev
            self.events.append(ev)


def _fds_3_and_4(read_fd: int, write_fd: int) -> None:
    """In the child: Chromium reads commands on fd 3 and writes replies on fd 4."""
    r, w = os.dup(read_fd), os.dup(write_fd)  # above 4, so dup2 cannot clobber them
    os.dup2(r, 3)
    os.dup2(w, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


def open_page(path: Path, *, width: int = 1100, height: int = 1400) -> PageReport:
    """Load ``path`` (a local file) and report what the page did."""
    exe = chromium()
    assert exe, "chromium saknas"
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=lambda: _fds_3_and_4(to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        pipe = _Pipe(to_chrome_w, from_chrome_r)
        report = PageReport()
        try:
            target = pipe.call("Target.createTarget", url="about:blank")["targetId"]
            session = pipe.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                pipe.call(f"{domain}.enable", session)
            pipe.call(
                "Emulation.setDeviceMetricsOverride",
                session,
                width=width,
                height=height,
                deviceScaleFactor=1,
                mobile=False,
            )
            pipe.call("Page.navigate", session, url=path.resolve().as_uri())
            pipe.wait_for("Page.loadEventFired")
            report.title = str(
                pipe.call("Runtime.evaluate", session, expression="document.title")["result"][
                    "value"
                ]
            )
            shot = pipe.call("Page.captureScreenshot", session, format="png")
            report.screenshot = base64.b64decode(shot["data"])
            for ev in pipe.events:
                method, params = ev.get("method"), ev.get("params", {})
                if method == "Network.requestWillBeSent":
                    report.requests.append(str(params["request"]["url"]))
                elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                    report.console_errors.append(json.dumps(params.get("args")))
                elif method == "Runtime.exceptionThrown":
                    report.console_errors.append(json.dumps(params.get("exceptionDetails")))
                elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                    report.console_errors.append(str(params["entry"].get("text")))
            with contextlib.suppress(RuntimeError):  # the pipe may close before the reply
                pipe.call("Browser.close")
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return report
