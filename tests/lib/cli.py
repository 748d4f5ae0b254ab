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


def add_behaviour_options(ap, jobs_help, timeout, timeout_help):
    """The options of the runners of the behaviour tests (unix and qemu)."""
    ap.add_argument(
        "--only",
        metavar="PATTERN",
        help="run only tests whose name contains PATTERN (or matches it as a glob); "
        "comma-separated list allowed",
    )
    ap.add_argument("--no-stress", action="store_true", help="skip the gc-stress pass")
    ap.add_argument("-j", type=int, default=2, metavar="N", help=jobs_help + " (default 2)")
    ap.add_argument(
        "--timeout",
        type=int,
        default=timeout,
        metavar="SEC",
        help="%s (default %d; gc-stress runs get 3x)" % (timeout_help, timeout),
    )
    ap.add_argument(
        "--build-timeout",
        type=int,
        default=3600,
        metavar="SEC",
        help="timeout for ./mpcython build (default 3600)",
    )
