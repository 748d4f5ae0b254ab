from show import show, fmt
from httptools.parser.parser import HttpRequestParser, HttpResponseParser, parse_url
from httptools.parser import errors


class Proto:
    def __init__(self, name):
        self.name = name
        self.ev = []

    def on_message_begin(self):
        self.ev.append("begin")

    def on_url(self, url):
        self.ev.append(("url", url))

    def on_header(self, n, v):
        self.ev.append(("hdr", n, v))

    def on_headers_complete(self):
        self.ev.append("headers_complete")

    def on_body(self, b):
        self.ev.append(("body", b))

    def on_message_complete(self):
        self.ev.append("complete")

    def on_chunk_header(self):
        self.ev.append("chunk_header")

    def on_chunk_complete(self):
        self.ev.append("chunk_complete")

    def on_status(self, s):
        self.ev.append(("status", s))


def parsed(parser_class, name, label, data):
    """A parser of PARSER_CLASS fed DATA; shows the outcome and the events."""
    proto = Proto(name)
    parser = parser_class(proto)
    show(label, parser.feed_data, data)
    show("events", lambda: proto.ev)
    return parser


req = (
    b"POST /path/to?x=1&y=2#frag HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n"
    b"Connection: keep-alive\r\nX-Multi: a\r\nX-Multi: b\r\n\r\nhello"
)
hp = parsed(HttpRequestParser, "req", "feed", req)
show("method", hp.get_method)
show("version", hp.get_http_version)
show("keep_alive", hp.should_keep_alive)
show("upgrade", hp.should_upgrade)
# byte by byte
p2 = Proto("req2")
hp2 = HttpRequestParser(p2)


def feed_bytes():
    for i in range(len(req)):
        hp2.feed_data(req[i : i + 1])


show("feed bytewise", feed_bytes)
show("events bytewise (merged)", lambda: len(p2.ev))
# memoryview / bytearray input
hp3 = parsed(HttpRequestParser, "req3", "feed memoryview", memoryview(b"GET / HTTP/1.0\r\n\r\n"))
show("keep_alive 1.0", hp3.should_keep_alive)
p4 = Proto("req4")
hp4 = HttpRequestParser(p4)
show("feed bytearray", hp4.feed_data, bytearray(b"GET /ba HTTP/1.1\r\nHost: h\r\n\r\n"))
# chunked response
resp = (
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
    b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
)
rp = parsed(HttpResponseParser, "resp", "feed response", resp)
show("status", rp.get_status_code)
# errors
pe = Proto("bad")
bad = HttpRequestParser(pe)
show("bad request", bad.feed_data, b"GARBAGE\r\n\r\n")
pe2 = Proto("bad2")
bad2 = HttpRequestParser(pe2)
show("bad method", bad2.feed_data, b"FOO / HTTP/1.1\r\n\r\n")


class Raising(Proto):
    def on_url(self, url):
        raise ValueError("no urls please")


rr = HttpRequestParser(Raising("r"))
show("callback raises", rr.feed_data, b"GET /x HTTP/1.1\r\n\r\n")
up = Proto("up")
upp = HttpRequestParser(up)
show(
    "upgrade",
    upp.feed_data,
    b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nrawdata",
)
show("should_upgrade", upp.should_upgrade)
try:
    HttpRequestParser(Proto("u2")).feed_data(
        b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nrawdata"
    )
except errors.HttpParserUpgrade as e:
    print("upgrade offset", e.args)
show("feed str", HttpRequestParser(Proto("s")).feed_data, "GET / HTTP/1.1\r\n\r\n")
show("no protocol methods", HttpRequestParser(object()).feed_data, b"GET / HTTP/1.1\r\n\r\n")
for u in [
    b"http://user:pw@example.com:8080/a/b?q=1#f",
    b"/relative?x",
    b"https://h",
    b"::bad::",
    "str-url",
]:

    def pu(u=u):
        x = parse_url(u)
        return (x.schema, x.host, x.port, x.path, x.query, x.fragment, x.userinfo)

    show("parse_url(%r)" % (u,), pu)
show("URL repr", lambda: repr(parse_url(b"http://h/p"))[:20])
# (__subclasses__ is not in MicroPython: left out)
