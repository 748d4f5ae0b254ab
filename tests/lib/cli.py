"""The command lines of the test runners."""
import argparse


def parser(doc):
    """A runner's argument parser, described by its docstring DOC (the first
    line in the usage, the rest below --help's options)."""
    return argparse.ArgumentParser(
        description=doc.split("\n")[0],
        epilog="\n".join(doc.split("\n")[1:]).strip() or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_run_options(ap, only_help, jobs_help, timeout, timeout_help, timeout_type=int):
    """The options every runner of many tests has: --only PATTERN, -j N and
    --timeout SEC (its default TIMEOUT, of type TIMEOUT_TYPE)."""
    ap.add_argument("--only", metavar="PATTERN", help=only_help)
    ap.add_argument("-j", type=int, default=2, metavar="N", help=jobs_help + " (default 2)")
    ap.add_argument(
        "--timeout",
        type=timeout_type,
        default=timeout,
        metavar="SEC",
        help="%s (default %s)" % (timeout_help, timeout),
    )


def add_behaviour_options(ap, jobs_help, timeout, timeout_help):
    """The options of the runners of the behaviour tests (unix and qemu)."""
    add_run_options(
        ap,
        "run only tests whose name contains PATTERN (or matches it as a glob); "
        "comma-separated list allowed",
        jobs_help,
        timeout,
        timeout_help + "; gc-stress runs get 3x",
    )
    ap.add_argument("--no-stress", action="store_true", help="skip the gc-stress pass")
    ap.add_argument(
        "--build-timeout",
        type=int,
        default=3600,
        metavar="SEC",
        help="timeout for ./mpcython build (default 3600)",
    )
