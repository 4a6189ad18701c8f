"""A small Chinese tech-news site on a loopback HTTP server, for the fetch and feed tests.

``python tests/newsite.py [PORT]`` serves it until Ctrl-C (port 8765 by
default), to try ``techkg ingest --feed http://127.0.0.1:8765/rss.xml`` by hand;
the examples in docs/input-formats.md were made this way.

:func:`serve_site` starts ``http.server`` on 127.0.0.1 (a free port) in a
thread and stops it when the ``with`` block ends. The site has news pages in
Simplified (GBK, charset in the HTTP header) and Traditional Chinese (Big5,
charset only in ``<meta>``) and UTF-8, each wrapped in navigation and footer
boilerplate that must not reach the article text; an RSS 2.0 feed whose items
carry only a teaser (so their pages are fetched) and an Atom feed whose
entries carry their full text; and the failures a crawler meets: a 404, a page
that never finishes, oversize bodies (with and without Content-Length) and
redirects to other schemes. Its robots.txt keeps crawlers out of ``/private/``
(``Site.robots_status`` makes it answer an error instead), a feed links to a
page there, and ``/feeds/etag.xml`` answers conditional requests (``ETag``,
``Last-Modified``, ``304 Not Modified``; ``Site.feed_version`` changes it).
``Site.requests`` records every path asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Where the article pages live: the feeds link to them and the tests ask for them by these names.
HUAWEI_PATH = "/tech/2024/0418/huawei-pura70.html"
MEDIATEK_PATH = "/tw/2024/0320/mediatek-nvidia.html"
MATE60_PATH = "/tech/2023/0829/mate60.html"
XIAOMI_PATH = "/tech/2024/0328/xiaomi-su7.html"
BYD_PATH = "/auto/2024/0319/byd-nvidia.html"
HUNYUAN_PATH = "/ai/2023/0907/hunyuan.html"

NAV = """<header class="site-header"><div class="logo">数码前沿网</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/tech/">科技</a></li>
<li><a href="/phone/">手机</a></li><li><a href="/auto/">汽车</a></li>
<li><a href="/login">登录</a> | <a href="/register">注册</a></li></ul></nav></header>"""

NAV_TW = """<header><div class="logo">科技島新聞</div>
<nav><a href="/">首頁</a> · <a href="/semi/">半導體</a> · <a href="/mobile/">行動裝置</a>
· <a href="/subscribe">訂閱電子報</a></nav></header>"""

FOOTER = """<footer><p>关于我们 | 联系我们 | 广告服务 | 网站地图</p>
<p>版权所有 &copy; 2024 数码前沿网 未经授权禁止转载 京ICP备00000000号</p></footer>"""

FOOTER_TW = """<footer><p>關於我們｜隱私權政策｜服務條款</p>
<p>&copy; 2024 科技島新聞 版權所有，轉載請註明出處</p></footer>"""

ASIDE = '<aside><h3>热门推荐</h3><ul><li><a href="/x">十款旗舰手机横评</a></li></ul></aside>'
ASIDE_TW = '<aside><h3>熱門文章</h3><ul><li><a href="/y">晶圓代工產能排行</a></li></ul></aside>'

BOILERPLATE = ("数码前沿网", "版权所有", "京ICP备", "登录", "关于我们", "科技島新聞", "隱私權政策",
               "訂閱電子報", "版權所有", "热门推荐", "熱門文章")
"""Strings of the navigation and footers: none may end up in an article's text."""


def _page(title: str, date: str, paragraphs: list[str], *, nav: str, footer: str,
          meta_charset: str | None, site: str, aside: str = "") -> str:
    meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{title}_{site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="pubdate" content="{date}">
<link rel="canonical" href="https://news.example.com/canonical-elsewhere.html">
</head><body>
{nav}
<main><article><h1>{title}</h1>
<div class="info"><span class="time">{date}</span></div>
{body}
</article>
{aside}
</main>
{footer}
<script>var pv = 1;</script>
</body></html>"""


HUAWEI = _page(
    "华为Pura 70系列正式开售", "2024-04-18",
    [
        "4月18日，华为终端在官方商城上线Pura 70系列手机，Pura 70 Ultra和Pura 70 Pro率先开售，"
        "首批现货在一分钟内售罄。",
        "据华为介绍，Pura 70 Ultra搭载可伸缩主摄，配合XMAGE影像系统，在弱光环境下的成像表现"
        "较上一代明显提升。该系列运行HarmonyOS 4.2系统，支持卫星通信功能。",
        "业内人士认为，华为此次采取先开售、后发布的方式，延续了去年Mate 60系列的节奏，"
        "高端手机市场的竞争将进一步加剧。",
    ],
    nav=NAV, footer=FOOTER, meta_charset=None, site="数码前沿网", aside=ASIDE,
)

MEDIATEK = _page(
    "聯發科攜手輝達打造車用晶片", "2024-03-20",
    [
        "聯發科20日表示，與輝達（NVIDIA）合作的天璣汽車平台已有多家車廠導入，首批晶片預計明年量產。",
        "聯發科指出，天璣汽車平台整合輝達的GPU與AI軟體，可支援座艙娛樂與駕駛輔助功能，"
        "雙方將共同拓展全球車用市場。",
        "分析師認為，聯發科藉由與輝達的合作，可望在車用晶片市場取得更多訂單，"
        "明年車用業務營收有機會倍增。",
    ],
    nav=NAV_TW, footer=FOOTER_TW, meta_charset="big5", site="科技島新聞", aside=ASIDE_TW,
)

XIAOMI = _page(
    "小米SU7正式发布，定价21.59万元起", "2024-03-28",
    [
        "3月28日晚，小米集团在北京举行发布会，正式推出旗下首款电动汽车小米SU7，"
        "标准版售价21.59万元。",
        "雷军在发布会上表示，小米SU7搭载小米自研的超级电机和澎湃OS，与小米手机可以无缝互联，"
        "首批车辆将于4月初开始交付。",
        "发布会后，小米汽车App的锁单量在短时间内迅速攀升，工厂已安排加班以满足订单需求。",
    ],
    nav=NAV, footer=FOOTER, meta_charset="utf-8", site="数码前沿网",
)

MATE60 = _page(
    "华为Mate 60 Pro在官方商城上线", "2023-08-29",
    [
        "8月29日中午，华为在官方商城上线Mate 60 Pro手机，没有举行发布会，只发布了一封致用户的信。",
        "华为Mate 60 Pro支持卫星通话，用户在没有地面网络信号的环境下也可以拨打和接听电话。",
        "这款手机开售后很快售罄，多家电商平台的预约人数在当天超过百万。",
    ],
    nav=NAV, footer=FOOTER, meta_charset="gbk", site="数码前沿网",
)


def _rss(base: str) -> str:
    def item(path: str, title: str, date: str, teaser: str) -> str:
        return (f"<item><title>{title}</title><link>{base}{path}</link>"
                f"<guid>{base}{path}</guid><pubDate>{date}</pubDate>"
                f"<description>{teaser}</description></item>")

    items = [
        item(HUAWEI_PATH + "?utm_source=rss&utm_medium=feed", "华为Pura 70系列正式开售",
             "Thu, 18 Apr 2024 10:08:00 +0800", "华为Pura 70系列开售，首批现货一分钟售罄……"),
        item(MEDIATEK_PATH, "聯發科攜手輝達打造車用晶片",
             "Wed, 20 Mar 2024 14:30:00 +0800", "聯發科與輝達合作的天璣汽車平台……"),
        item(MATE60_PATH, "华为Mate 60 Pro在官方商城上线",
             "Tue, 29 Aug 2023 12:08:00 +0800", "华为Mate 60 Pro开售……"),
        item("/tech/2024/0501/gone.html", "一篇已经删除的文章",
             "Wed, 01 May 2024 09:00:00 +0800", "此文已删除"),
        item("/tech/2024/0502/slow.html", "一台很慢的服务器",
             "Thu, 02 May 2024 09:00:00 +0800", "这个页面永远加载不完"),
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>数码前沿网 科技频道</title><link>{base}/</link>"
            "<description>数码前沿网科技新闻</description>" + "".join(items) + "</channel></rss>")


ATOM_BYD = (
    "<p>英伟达在GTC 2024大会上宣布，比亚迪将在下一代电动汽车中采用DRIVE Thor集中式车载计算平台。</p>"
    "<p>英伟达表示，DRIVE Thor可以同时运行自动驾驶、智能座舱等功能，比亚迪还将使用英伟达的"
    "AI基础设施进行自动驾驶模型训练。</p>"
    "<p>此前，比亚迪已在多款车型上使用英伟达DRIVE Orin平台，双方的合作由此进一步扩大。</p>"
)

ATOM_TENCENT = (
    "<p>9月7日，腾讯在2023腾讯全球数字生态大会上正式发布混元大模型，并通过腾讯云对企业开放。</p>"
    "<p>腾讯表示，混元大模型已接入腾讯会议、腾讯文档等五十多个业务，用于生成会议纪要、"
    "撰写文案等场景。</p>"
    "<p>腾讯云同时推出了基于混元的行业大模型解决方案，帮助企业构建自己的模型应用。</p>"
)


def _atom(base: str) -> str:
    def entry(path: str, title: str, updated: str, content: str | None, summary: str) -> str:
        full = f'<content type="html"><![CDATA[{content}]]></content>' if content else ""
        return (f'<entry><title>{title}</title><link href="{base}{path}"/>'
                f"<id>{base}{path}</id><updated>{updated}</updated>"
                f"<summary>{summary}</summary>{full}</entry>")

    entries = [
        entry(BYD_PATH, "比亚迪采用英伟达DRIVE Thor平台",
              "2024-03-19T08:00:00+08:00", ATOM_BYD, "比亚迪将采用英伟达DRIVE Thor。"),
        entry(HUNYUAN_PATH, "腾讯发布混元大模型",
              "2023-09-07T11:00:00+08:00", ATOM_TENCENT, "腾讯混元大模型亮相。"),
        entry(XIAOMI_PATH, "小米SU7正式发布，定价21.59万元起",
              "2024-03-28T21:30:00+08:00", None, "小米首款电动汽车发布。"),
    ]
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>数码前沿网 汽车与AI</title><id>{base}/atom.xml</id>'
            f'<updated>2024-03-28T21:30:00+08:00</updated><link href="{base}/"/>'
            + "".join(entries) + "</feed>")


RELATIVE_RSS = """<?xml version="1.0" encoding="GBK"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>数码前沿网 快讯</title><link>/</link><description>GBK 编码的快讯</description>
<item><title>小米SU7正式发布</title><link>../tech/2024/0328/xiaomi-su7.html#comments</link>
<pubDate>Thu, 28 Mar 2024 21:30:00 +0800</pubDate><description>小米首款电动汽车发布……</description></item>
<item><title>荣耀发布Magic6 Pro</title><link>/phone/2024/0118/honor-magic6.html</link>
<pubDate>Thu, 18 Jan 2024 19:30:00 +0800</pubDate>
<content:encoded><![CDATA[1月18日，荣耀在北京发布Magic6系列手机，Magic6 Pro搭载第三代骁龙8移动平台。
荣耀表示，Magic6系列与高通合作，在手机上运行70亿参数的端侧大模型。]]></content:encoded></item>
</channel></rss>"""
"""A GBK feed with a relative link (resolved against the feed's address) and a plain-text content item."""


ROBOTS = """# 数码前沿网 robots.txt
User-agent: *
Disallow: /private/
Disallow: /login
"""

PRIVATE = _page(
    "会员专享：2024年手机芯片供应链调查", "2024-06-01",
    ["本文仅对付费会员开放。调查显示，联发科与高通在中端手机芯片市场的份额差距进一步缩小。"],
    nav=NAV, footer=FOOTER, meta_charset="utf-8", site="数码前沿网",
)


def _robots_rss(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate>"
        f"<description>{teaser}</description></item>"
        for path, title, date, teaser in (
            (XIAOMI_PATH, "小米SU7正式发布", "Thu, 28 Mar 2024 21:30:00 +0800",
             "小米首款电动汽车发布……"),
            ("/private/2024/0601/chip-survey.html", "会员专享：手机芯片供应链调查",
             "Sat, 01 Jun 2024 08:00:00 +0800", "付费会员专享内容……"),
        ))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>数码前沿网 精选</title><link>{base}/</link><description>精选</description>"
            + items + "</channel></rss>")


@dataclass
class Site:
    """The running site: its base address, what was asked, and how to stop slow answers."""

    base: str = ""
    requests: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    robots_status: int = 200
    feed_version: int = 1

    def fetched(self, fragment: str) -> int:
        """How many requests asked for a path containing ``fragment``."""
        return sum(fragment in r for r in self.requests)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    routes: dict[str, Callable[[_Handler], None]]

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.site.requests.append(self.path)
        route = self.routes.get(self.path.split("?")[0])
        try:
            if route is None:
                self.send(404, "text/html; charset=utf-8", "<h1>404 页面不存在</h1>".encode())
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (size limit, timeout): expected

    def send(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


def _routes(site: Site) -> dict[str, Callable[[_Handler], None]]:
    def page(html: str, encoding: str, content_type: str) -> Callable[[_Handler], None]:
        return lambda h: h.send(200, content_type, html.encode(encoding))

    def slow(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()
        h.wfile.write(b"<html><body><p>")
        h.wfile.flush()
        site.release.wait(30)  # never finishes while the test runs

    def huge(h: _Handler, *, declared: bool) -> None:
        body = ("<p>" + "华为发布新手机。" * 100 + "</p>\n").encode() * 1000  # 2.4 MB
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        for i in range(0, len(body), 65536):
            h.wfile.write(body[i : i + 65536])

    def redirect(location: str) -> Callable[[_Handler], None]:
        return lambda h: h.send(302, "text/html", b"", Location=location)

    def robots(h: _Handler) -> None:
        if site.robots_status != 200:
            h.send(site.robots_status, "text/plain", "暂时无法访问".encode())
        else:
            h.send(200, "text/plain; charset=utf-8", ROBOTS.encode())

    def etag_feed(h: _Handler) -> None:
        """The Atom feed, with validators; 304 when the client already has this version."""
        etag = f'"atom-v{site.feed_version}"'
        modified = f"Mon, 0{site.feed_version} Apr 2024 08:00:00 GMT"
        if h.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in h.headers and h.headers.get("If-Modified-Since") == modified):
            h.send(304, "application/atom+xml", b"", ETag=etag)
            return
        h.send(200, "application/atom+xml", _atom(site.base).encode(), ETag=etag, Last_Modified=modified)

    return {
        HUAWEI_PATH: page(HUAWEI, "gbk", "text/html; charset=GBK"),
        MEDIATEK_PATH: page(MEDIATEK, "big5", "text/html"),
        XIAOMI_PATH: page(XIAOMI, "utf-8", "text/html; charset=utf-8"),
        MATE60_PATH: page(MATE60, "gbk", "text/html"),
        "/tech/2024/0502/slow.html": slow,
        "/huge-declared.html": lambda h: huge(h, declared=True),
        "/huge-streamed.html": lambda h: huge(h, declared=False),
        "/moved": redirect(XIAOMI_PATH),
        "/to-ftp": redirect("ftp://files.example.com/news.html"),
        "/to-file": redirect("file:///etc/passwd"),
        "/loop": redirect("/loop"),
        "/report.pdf": lambda h: h.send(200, "application/pdf", b"%PDF-1.4 ..."),
        "/rss.xml": lambda h: h.send(200, "application/rss+xml; charset=utf-8",
                                     _rss(site.base).encode()),
        "/atom.xml": lambda h: h.send(200, "application/atom+xml", _atom(site.base).encode()),
        "/not-a-feed.xml": page(XIAOMI, "utf-8", "text/html; charset=utf-8"),
        "/feeds/relative.xml": lambda h: h.send(200, "text/xml", RELATIVE_RSS.encode("gbk")),
        "/robots.txt": robots,
        "/private/2024/0601/chip-survey.html": page(PRIVATE, "utf-8", "text/html; charset=utf-8"),
        "/feeds/robots.xml": lambda h: h.send(200, "application/rss+xml", _robots_rss(site.base).encode(),
                                              ETag='"robots-v1"'),
        "/feeds/etag.xml": etag_feed,
    }


@contextmanager
def serve_site(port: int = 0) -> Iterator[Site]:
    """Run the site on 127.0.0.1 (``port``, default a free one) for the duration of the block."""
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site, "routes": _routes(site)})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


if __name__ == "__main__":
    import sys

    with serve_site(int(sys.argv[1]) if len(sys.argv) > 1 else 8765) as running:
        print(f"serving {running.base}/rss.xml and {running.base}/atom.xml; Ctrl-C stops", flush=True)
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
