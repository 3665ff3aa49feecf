#!/usr/bin/python3
"""Helpers for tests/bench/run-bench (run inside its headless session).

  bench_helper.py press PID NAME [TIMEOUT]
      Presses the push button with accessible name NAME in the app with process id PID through
      AT-SPI, as a screen-reader user would (the app must run with
      QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1). Waits until the button shows and is enabled.
  bench_helper.py save-refresh-tokens FILE
      Reads the app's keychain items (read only, through secret-tool) and writes every string in
      them shaped like an SMTPD refresh token (128 url-safe characters) to FILE (mode 0600),
      one a line. Nothing secret is printed. No knowledge of the item format is assumed beyond
      that: the format is being changed.
  bench_helper.py try-refresh URL CA_FILE FILE
      Asks the server at URL for a refresh grant with each token in FILE and prints one line
      per token: the HTTP status and the SMTPD error code (never the token or the grant).
  bench_helper.py poll-sources TRACE PID
      Summarises an `strace -f -tt -e trace=poll,ppoll` trace: wake-ups per thread and the
      timeouts the event loops asked for (what woke them: a timer or a file descriptor).
"""
import base64
import collections
import json
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN_SHAPE = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{128}(?![A-Za-z0-9_-])")


def press(pid, name, timeout):
    import pyatspi

    def find_app():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:  # an application leaving the bus as we look
                continue
        return None

    def find_button(root):
        def match(node):
            if node is None or node.name != name or node.getRole() != pyatspi.ROLE_PUSH_BUTTON:
                return False
            states = node.getState()
            return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_SENSITIVE)
        return pyatspi.findDescendant(root, match, True)

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app = find_app()
        button = find_button(app) if app is not None else None
        if button is not None:
            action = button.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            for wanted in ("Press", "press", "click"):
                if wanted in names:
                    action.doAction(names.index(wanted))
                    return 0
            action.doAction(0)
            return 0
        time.sleep(0.2)  # polling the accessibility bus, bounded by the deadline
    print("bench_helper: no enabled '%s' button in process %d within %d s" % (name, pid, timeout),
          file=sys.stderr)
    return 1


def keychain_strings():
    """Every secret of the Qt keychain schema, as stored and, when it decodes, as base64."""
    result = subprocess.run(["secret-tool", "search", "--all", "--unlock", "xdg:schema",
                             "org.qt.keychain"], capture_output=True, timeout=20, text=True)
    texts = []
    for line in result.stdout.splitlines():
        if not line.startswith("secret = "):
            continue
        value = line[len("secret = "):]
        texts.append(value)
        try:
            texts.append(base64.b64decode(value, validate=True).decode("utf-8", "replace"))
        except (ValueError, base64.binascii.Error):
            pass
    return texts


def save_refresh_tokens(path):
    tokens = []
    for text in keychain_strings():
        for token in TOKEN_SHAPE.findall(text):
            if token not in tokens:
                tokens.append(token)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.writelines(t + "\n" for t in tokens)
    print(len(tokens))
    return 0


def try_refresh(url, ca_file, path):
    context = ssl.create_default_context(cafile=ca_file)
    with open(path) as f:
        tokens = [line.strip() for line in f if line.strip()]
    for token in tokens:
        body = urllib.parse.urlencode({"refresh_token": token}).encode()
        request = urllib.request.Request(url.rstrip("/") + "/oauth/token?grant_type=refresh_token",
                                         data=body, method="POST", headers={
                                             "Content-Type": "application/x-www-form-urlencoded",
                                             "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, context=context, timeout=10) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        except OSError as error:
            print("error %s" % type(error).__name__)
            continue
        try:
            code = json.loads(payload).get("code", "-")
        except (ValueError, AttributeError):
            code = "-"
        print("%d %s" % (status, code))
    return 0


POLL = re.compile(r"^(\d+)\s+(\d\d:\d\d:\d\d\.\d+)\s+(poll|ppoll)\((.*)$")
RESUMED = re.compile(r"^(\d+)\s+\S+\s+<\.\.\. (?:poll|ppoll) resumed>.*= (\d+)")


def poll_sources(trace, pid):
    names = {}
    task_dir = "/proc/%d/task" % pid
    if os.path.isdir(task_dir):
        for tid in os.listdir(task_dir):
            try:
                with open(os.path.join(task_dir, tid, "comm")) as f:
                    names[int(tid)] = f.read().strip()
            except OSError:
                pass
    calls = collections.Counter()
    timeouts = collections.defaultdict(collections.Counter)
    outcome = collections.defaultdict(collections.Counter)
    with open(trace, errors="replace") as f:
        for line in f:
            m = POLL.match(line)
            if not m:
                r = RESUMED.match(line)
                if r:
                    outcome[int(r.group(1))]["timer" if r.group(2) == "0" else "fd"] += 1
                continue
            tid, call, rest = int(m.group(1)), m.group(3), m.group(4)
            calls[tid] += 1
            if call == "poll":
                t = re.search(r"\],\s*\d+,\s*(-?\d+)", rest)
                ms = int(t.group(1)) if t else None
            else:
                t = re.search(r"tv_sec=(\d+), tv_nsec=(\d+)", rest)
                ms = int(t.group(1)) * 1000 + int(t.group(2)) // 1000000 if t else -1
            if ms is None:
                bucket = "?"
            elif ms < 0:
                bucket = "none (waits for an fd)"
            elif ms == 0:
                bucket = "0 ms"
            else:
                # Rounded up to 100 ms: a timer of interval T asks for a little under T.
                bucket = "%d ms" % (-(-ms // 100) * 100)
            timeouts[tid][bucket] += 1
            done = re.search(r"=\s*(\d+)", rest.split(")", 1)[-1]) if "<unfinished" not in rest else None
            if done:
                outcome[tid]["timer" if done.group(1) == "0" else "fd"] += 1
    for tid, count in calls.most_common():
        name = names.get(tid, "thread %d" % tid)
        if tid == pid:
            name += ", main thread"
        top = ", ".join("%s x%d" % kv for kv in timeouts[tid].most_common(4))
        woke = outcome[tid]
        print("  - %s: %d calls (woken by timeout %d, by an fd %d); timeouts asked: %s"
              % (name, count, woke["timer"], woke["fd"], top))
    if not calls:
        print("  - no poll/ppoll calls in the sample")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "press":
        return press(int(argv[2]), argv[3], float(argv[4]) if len(argv) > 4 else 20)
    if len(argv) == 3 and argv[1] == "save-refresh-tokens":
        return save_refresh_tokens(argv[2])
    if len(argv) == 5 and argv[1] == "try-refresh":
        return try_refresh(argv[2], argv[3], argv[4])
    if len(argv) == 4 and argv[1] == "poll-sources":
        return poll_sources(argv[2], int(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
