"""Running processes for the test runners."""
import os
import signal
import subprocess


def run(cmd, cwd=None, env=None, timeout=60, input_=None, merge=False):
    """Run cmd; return (rc, stdout, stderr, timed_out), output as bytes
    (merge: stderr interleaved into stdout, stderr empty). rc is None on a
    timeout (the whole process group is killed); 127 when the program cannot
    be started."""
    try:
        p = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL if input_ is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge else subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as e:
        return 127, b"", str(e).encode(), False
    try:
        out, err = p.communicate(input_, timeout=timeout)
        return p.returncode, out, err or b"", False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return None, out, err or b"", True


def dec(b):
    return b.decode("utf-8", "replace")


def rc_text(rc):
    """An exit status as words: `exit 1`, `killed by SIGSEGV`, `timeout`."""
    if rc is None:
        return "timeout"
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit %d" % rc


def tail(text, n=10):
    """The last n lines of text, indented for a detail block."""
    lines = text.rstrip("\n").splitlines()
    if len(lines) > n:
        lines = ["..."] + lines[-n:]
    return "\n".join("    | " + l for l in lines)
