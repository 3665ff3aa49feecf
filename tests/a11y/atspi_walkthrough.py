#!/usr/bin/python3
"""Drives the real app through its accessibility tree (AT-SPI), as a screen-reader user would:
every control is found by its accessible name, the sign-in is typed and pressed, then
"Copy access token" is pressed through AT-SPI and the X clipboard is read with xclip.

usage: atspi_walkthrough.py APP_EXE EMULATOR_EXE CERT_DIR
Run under tests/run-headless inside xvfb-run (a display and a session bus are needed)."""
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

app_exe, emulator_exe, certs = sys.argv[1:4]
failures = []


def check(condition, what):
    print(("PASS   : " if condition else "FAIL!  : ") + what, flush=True)
    if not condition:
        failures.append(what)


def wait_for(predicate, timeout=20.0, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)  # polling the accessibility bus; bounded by the deadline
    return None


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "smtpd-accounts":
            return app
    return None


def find(root, name, roles=None):
    def match(node):
        return node is not None and node.name == name and (
            roles is None or node.getRole() in roles) and node.getState().contains(pyatspi.STATE_SHOWING)
    return pyatspi.findDescendant(root, match, True)


def press(node):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("Press", "press", "click"):
        if wanted in names:
            return action.doAction(names.index(wanted))
    return action.doAction(0)


def set_text(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)


def clipboard():
    result = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True, timeout=10)
    return result.stdout.decode() if result.returncode == 0 else ""


work = tempfile.mkdtemp()
port_file = os.path.join(work, "port")
emulator = subprocess.Popen([emulator_exe, "--cert", os.path.join(certs, "server.pem"),
                             "--key", os.path.join(certs, "server.key"), "--port-file", port_file],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
app = None
try:
    check(wait_for(lambda: os.path.exists(port_file) and open(port_file).read().strip()) is not None,
          "the emulator started")
    url = "https://127.0.0.1:" + open(port_file).read().strip()
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    env["XDG_CONFIG_HOME"] = os.path.join(work, "config")  # a fresh start: nothing remembered
    app = subprocess.Popen([app_exe, "--api-url", url, "--ca-file", os.path.join(certs, "ca.pem"),
                            "--avatar-url", url + "/avatar/"], env=env)
    root = wait_for(find_app, timeout=60)
    if root is None:
        desktop = pyatspi.Registry.getDesktop(0)
        print("on the bus:", [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)],
              "app running:", app.poll() is None)
    check(root is not None, "the app is on the accessibility bus")
    if root is None:
        sys.exit(1)

    email = wait_for(lambda: find(root, "Email", [pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY]))
    password = find(root, "Password", [pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY])
    sign_in = find(root, "Sign in", [pyatspi.ROLE_PUSH_BUTTON])
    check(email is not None, "an 'Email' field")
    check(password is not None, "a 'Password' field")
    check(sign_in is not None, "a 'Sign in' button")
    check(find(root, "Sign in with API key and secret") is not None, "the API key toggle is named")
    other_server = find(root, "Other server")
    check(other_server is not None, "an 'Other server' expander")
    if other_server is not None:
        press(other_server)
        server = wait_for(lambda: find(root, "Server", [pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY]))
        check(server is not None, "after expanding, a 'Server' field")
        check(server is not None and server.queryText().getText(0, -1) == url,
              "the 'Server' field holds the --api-url")
        check(find(root, "CA file", [pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY]) is not None,
              "after expanding, a 'CA file' field")
    set_text(email, "demo@example.com")
    set_text(password, "demo-password")
    press(sign_in)

    copy = wait_for(lambda: find(root, "Copy access token", [pyatspi.ROLE_PUSH_BUTTON]))
    check(copy is not None, "after signing in, a 'Copy access token' button")
    for name in ("Refresh now", "Sign out", "Copy account ID", "Copy as Authorization header",
                 "Copy curl command"):
        check(find(root, name, [pyatspi.ROLE_PUSH_BUTTON]) is not None, "a '%s' button" % name)
    check(find(root, "Account ID") is not None, "the account id field is named")
    check(find(root, "Profile picture") is not None, "the avatar is named")

    before = clipboard()
    press(copy)
    token = wait_for(lambda: clipboard() if clipboard() != before and clipboard().startswith("eyJ") else None)
    check(token is not None, "pressing 'Copy access token' through AT-SPI put a token on the X clipboard")

    # The account's console: its API keys and its plan, each a tab.
    keys_tab = find(root, "API keys", [pyatspi.ROLE_PAGE_TAB])
    check(keys_tab is not None, "an 'API keys' tab")
    if keys_tab is not None:
        press(keys_tab)
        check(wait_for(lambda: find(root, "Create key", [pyatspi.ROLE_PUSH_BUTTON])) is not None,
              "the API keys tab has a 'Create key' button (Dana is the owner)")
        for name in ("Refresh keys", "Copy key", "Show sessions", "Revoke key"):
            check(find(root, name, [pyatspi.ROLE_PUSH_BUTTON]) is not None, "a '%s' button" % name)
        check(find(root, "Filter keys") is not None, "a 'Filter keys' field")
        check(wait_for(lambda: find(root, "API key list")) is not None, "the key list is named")
    plan_tab = find(root, "Plan & usage", [pyatspi.ROLE_PAGE_TAB])
    check(plan_tab is not None, "a 'Plan & usage' tab")
    if plan_tab is not None:
        press(plan_tab)
        meter = wait_for(lambda: find(root, "Emails used against the monthly limit"))
        check(meter is not None, "the usage meter is named")
        words = wait_for(lambda: find(root, "Usage in words"))
        check(words is not None and "4,087" in (words.description or ""),
              "the usage is there in words: %s" % (words.description if words else None))
        check(find(root, "Refresh plan and usage", [pyatspi.ROLE_PUSH_BUTTON]) is not None,
              "a 'Refresh plan and usage' button")
    account_tab = find(root, "Account", [pyatspi.ROLE_PAGE_TAB])
    if account_tab is not None:
        press(account_tab)

    # Several accounts: the list, Add account (Jack on the same server), Make default, Remove.
    accounts = find(root, "Accounts")
    check(accounts is not None, "an 'Accounts' list")

    def entries():
        if accounts is None:
            return []
        return [accounts.getChildAtIndex(i).name for i in range(accounts.childCount)
                if accounts.getChildAtIndex(i) is not None and accounts.getChildAtIndex(i).name]
    check(any("demo@example.com" in name for name in entries()),
          "the list's entry names the signed-in account: %s" % entries())
    add = find(root, "Add account", [pyatspi.ROLE_PUSH_BUTTON])
    check(add is not None, "an 'Add account' button")
    if add is not None:
        press(add)
        email = wait_for(lambda: find(root, "Email", [pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY]))
        password = find(root, "Password", [pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY])
        sign_in = find(root, "Sign in", [pyatspi.ROLE_PUSH_BUTTON])
        check(email is not None and password is not None and sign_in is not None,
              "Add account opens the sign-in form")
        if email is not None and password is not None and sign_in is not None:
            set_text(email, "jack.truong@jameshardie.com")
            set_text(password, "jack-password")
            press(sign_in)
            check(wait_for(lambda: len([n for n in entries() if "jack.truong" in n]) == 1) is not None,
                  "the new account is listed: %s" % entries())
    make_default = find(root, "Make default", [pyatspi.ROLE_PUSH_BUTTON])
    check(make_default is not None, "a 'Make default' button")
    if make_default is not None:
        press(make_default)
        check(wait_for(lambda: any("jack.truong" in n and "default" in n for n in entries())) is not None,
              "the new account is the default now: %s" % entries())
    remove = find(root, "Remove account", [pyatspi.ROLE_PUSH_BUTTON])
    check(remove is not None, "a 'Remove account' button")
    if remove is not None:
        press(remove)
        dialog = wait_for(lambda: find(root, "Remove account", [pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT]))
        check(dialog is not None, "Remove account asks first, in a named dialog")
        confirm = dialog is not None and wait_for(
            lambda: find(dialog, "Remove account", [pyatspi.ROLE_PUSH_BUTTON]))
        check(bool(confirm), "the confirmation has a 'Remove account' button")
        if confirm:
            press(confirm)
            check(wait_for(lambda: not any("jack.truong" in n for n in entries()) and entries()) is not None,
                  "after confirming, the account is gone: %s" % entries())

    # Every push button has a name, and no name in the tree holds the token or the password.
    unnamed, leaks = [], []

    def walk(node, depth=0):
        if node is None or depth > 40:
            return
        if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and not node.name:
            unnamed.append(node)
        text = (node.name or "") + " " + (node.description or "")
        if (token and token in text) or "demo-password" in text:
            leaks.append(node.name)
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1)
    walk(root)
    check(not unnamed, "every button has an accessible name: %s" % [
        (n.parent.name if n.parent else None, n.description) for n in unnamed])
    check(not leaks, "no accessible name or description holds a secret")
finally:
    if app is not None:
        app.terminate()
        app.wait(10)
    emulator.terminate()
    emulator.wait(10)

print("Totals: %s" % ("all checks passed" if not failures else "%d failed" % len(failures)))
sys.exit(1 if failures else 0)
