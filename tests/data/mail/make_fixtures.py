#!/usr/bin/env python3
"""Writes the email fixtures of tests/unit/tst_mailparser.cpp into this folder.

The encodings (base64, quoted-printable, RFC 2047 words, RFC 2231
continuations, GBK) are made here with the standard library, byte for byte,
so that the test can assert what a correct decoder must find. Deterministic:
running it again rewrites the same bytes.

    python3 tests/data/mail/make_fixtures.py
"""
import base64
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def b64_lines(data, width=76):
    text = base64.b64encode(data).decode("ascii")
    return "\n".join(text[i:i + width] for i in range(0, len(text), width)) + "\n"


def word_b(text, charset):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode("ascii"))


def word_q(text, charset="UTF-8"):
    out = []
    for byte in text.encode(charset):
        c = chr(byte)
        if c == " ":
            out.append("_")
        elif c.isalnum() and byte < 128:
            out.append(c)
        else:
            out.append("=%02X" % byte)
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def qp(data):
    return quopri.encodestring(data).decode("ascii")


def mbox_escape(message):
    # mboxrd: every line that matches ^>*From gets one more '>'.
    lines = message.split(b"\n")
    out = []
    for line in lines:
        stripped = line.lstrip(b">")
        if stripped.startswith(b"From "):
            line = b">" + line
        out.append(line)
    return b"\n".join(out)


def mbox_entry(message, sender="MAILER-DAEMON", when="Fri Mar 15 01:30:12 2024"):
    body = mbox_escape(message)
    if not body.endswith(b"\n"):
        body += b"\n"
    return b"From " + sender.encode() + b" " + when.encode() + b"\n" + body + b"\n"


# A small PDF-like file with binary bytes (what the attachment must decode to).
PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
       b"stream\n" + bytes(range(256)) + b"\nendstream\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")

PLAIN_ONBOARDING = ("李四，你好：\n\n"
                    "欢迎加入公司！附件是《员工手册 2024》，请在入职前阅读并签字确认。"
                    "如有问题请随时联系人力资源部。\n\n"
                    "王小明\n人力资源部\n")
HTML_ONBOARDING = ("<html><body><p>李四，你好：</p><p>欢迎加入公司！附件是"
                   "<b>《员工手册 2024》</b>。</p></body></html>\n")


def onboarding():
    head = (
        "Return-Path: <wang.xiaoming@example.cn>\n"
        "Received: from mail.example.cn (mail.example.cn [203.0.113.5])\n"
        "\tby mx.example.cn with ESMTPS id 4711; Fri, 15 Mar 2024 09:30:13 +0800\n"
        "Message-ID: <20240315093012.4711@mail.example.cn>\n"
        "Date: Fri, 15 Mar 2024 09:30:12 +0800\n"
        "From: " + word_b("王小明", "UTF-8") + " <wang.xiaoming@example.cn>\n"
        "To: " + word_q("李四") + " <li.si@example.cn>, \"Zhang, San\" <zhang.san@example.cn>\n"
        "Cc: hr-archive@example.cn\n"
        # Two adjacent encoded words: the space between them is not text.
        "Subject: " + word_q("入职材料 ") + "\n " + word_q("— 请查收") + "\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"=_mixed_0001\"\n"
        "\n"
        "This is a multi-part message in MIME format.\n"
        "\n"
        "--=_mixed_0001\n"
        "Content-Type: multipart/alternative; boundary=\"=_alt_0002\"\n"
        "\n"
        "--=_alt_0002\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n" + qp(PLAIN_ONBOARDING.encode("utf-8")) +
        "--=_alt_0002\n"
        "Content-Type: text/html; charset=UTF-8\n"
        "Content-Transfer-Encoding: base64\n"
        "\n" + b64_lines(HTML_ONBOARDING.encode("utf-8")) +
        "--=_alt_0002--\n"
        "\n"
        "--=_mixed_0001\n"
        # Outlook's RFC 2047 name and the RFC 2231 filename (continued, percent-encoded).
        "Content-Type: application/pdf; name=\"" + word_b("员工手册 2024.pdf", "UTF-8") + "\"\n"
        "Content-Disposition: attachment;\n"
        " filename*0*=UTF-8''%E5%91%98%E5%B7%A5%E6%89%8B;\n"
        " filename*1*=%E5%86%8C%202024.pdf\n"
        "Content-Transfer-Encoding: base64\n"
        "\n")
    tail = "--=_mixed_0001--\n"
    return head.encode("ascii"), b64_lines(PDF).encode("ascii"), tail.encode("ascii")


GBK_BODY = ("张三：\n\n"
            "根据公司制度，你的试用期将于三月底结束。请在 3 月 25 日前提交"
            "试用期总结。审批人：朱镕基办公室（测试用的 GBK 字：镕）。\n\n"
            "人力资源部\n")


def gb2312_notice():
    text = (
        "Message-ID: <gb2312-0001@example.cn>\n"
        "Date: Mon, 4 Mar 2024 14:05:00 +0800\n"
        "From: " + word_b("人力资源部", "GB2312") + " <hr@example.cn>\n"
        "To: " + word_b("张三", "GB2312") + " <zhang.san@example.cn>\n"
        "Subject: " + word_b("关于试用期考核的通知", "GB2312") + "\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"GBK\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n")
    return text.encode("ascii") + qp(GBK_BODY.encode("gbk")).encode("ascii")


FROM_LINE_BODY = ("Hello all,\n\n"
                  "From the desk of HR: the office is closed on Friday.\n"
                  ">From an earlier note, already quoted.\n"
                  "Regards\n")


def from_line():
    # No Date header: the parser must still take it, with dateMs 0.
    text = (
        "Message-ID: <no-date-0001@example.cn>\n"
        "From: HR Desk <hr@example.cn>\n"
        "To: all@example.cn\n"
        "Subject: Office closed on Friday\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n" + FROM_LINE_BODY)
    return text.encode("ascii")


def html_only():
    html = ("<!DOCTYPE html>\n<html><head><title>Ignored title</title>\n"
            "<style>p { color: red; }</style></head>\n"
            "<body><!-- a comment <p>not text</p> -->\n"
            "<p>Salary&nbsp;review &amp; bonus &lt;2024&gt;</p>\n"
            "<div>Line one<br>Line two<BR/>Line   three</div>\n"
            "<script type=\"text/javascript\">var x = '<p>no</p>';</script>\n"
            "<table><tr><td>Name</td><td>&#24352;&#x4E09;</td></tr>"
            "<tr><td>Grade</td><td>P6</td></tr></table>\n"
            "<ul><li>First</li><li>Second &eacute;t&eacute;</li></ul>\n"
            "<p>5 &lt; 6 &amp;&amp; a&gt;b &unknown; &#0; end</p>\n"
            "</body></html>\n")
    text = (
        "Message-ID: <html-only-0001@example.cn>\n"
        "Date: Tue, 02 Apr 2024 08:00:00 -0000\n"
        "From: payroll@example.cn\n"
        "To: li.si@example.cn\n"
        "Subject: =?UTF-8?Q?=E8=96=AA=E9=85=AC_review?=\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n" + html)
    return text.encode("utf-8")


def weekly(n):
    # Varied but simple: charsets, encodings, an attachment now and then.
    subject = "周报 第%d期" % n
    date = "Mon, %02d May 2024 %02d:%02d:00 +0800" % (1 + n % 28, 8 + n % 10, n % 60)
    body = "第%d周工作总结：完成了 %d 项任务。\nFrom now on, reports are due on Monday.\n" % (n, n)
    head = ("Message-ID: <weekly-%03d@example.cn>\n" % n +
            ("" if n == 17 else "Date: %s\n" % date) +
            "From: " + word_b("赵六", "UTF-8") + " <zhao.liu@example.cn>\n"
            "To: team@example.cn\n")
    if n % 3 == 0:
        head += "Subject: " + word_b(subject, "GB2312") + "\n"
        head += ("MIME-Version: 1.0\nContent-Type: text/plain; charset=GB2312\n"
                 "Content-Transfer-Encoding: base64\n\n")
        return head.encode("ascii") + b64_lines(body.encode("gb2312")).encode("ascii")
    head += "Subject: " + word_q(subject) + "\nMIME-Version: 1.0\n"
    if n % 5 == 0:
        csv = ("task,hours\nreview,%d\n" % n).encode("ascii")
        text = (head +
                "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n" % n +
                "--b%d\nContent-Type: text/plain; charset=UTF-8\n"
                "Content-Transfer-Encoding: 8bit\n\n" % n).encode("ascii")
        text += body.encode("utf-8")
        text += ("--b%d\nContent-Type: text/csv\n"
                 "Content-Disposition: attachment; filename=\"hours-%d.csv\"\n"
                 "Content-Transfer-Encoding: base64\n\n" % (n, n)).encode("ascii")
        text += b64_lines(csv).encode("ascii") + ("--b%d--\n" % n).encode("ascii")
        return text
    head += "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
    return head.encode("ascii") + body.encode("utf-8")


def main():
    head, attachment, tail = onboarding()
    onboarding_eml = head + attachment + tail
    write("onboarding.eml", onboarding_eml)
    write("onboarding-attachment.pdf", PDF)
    write("gb2312-notice.eml", gb2312_notice())
    write("from-line.eml", from_line())
    write("html-only.eml", html_only())
    # Cut in the middle of the attachment's base64: no closing boundaries.
    truncated = head + attachment[: len(attachment) // 2]
    write("truncated.eml", truncated)

    archive = mbox_entry(onboarding_eml) + mbox_entry(gb2312_notice()) + mbox_entry(from_line())
    archive += mbox_entry(html_only())
    for n in range(1, 31):
        archive += mbox_entry(weekly(n), "zhao.liu@example.cn", "Mon May  6 10:%02d:00 2024" % n)
    write("archive.mbox", archive)

    garbage = (b"Exported by MailTool 3.1 -- do not edit\n"
               b"\x00\x01\x02 binary header junk\n\n")
    garbage += mbox_entry(from_line())
    # An unescaped "From " line in a body: a broken separator.
    broken = (b"Message-ID: <broken-0001@example.cn>\nFrom: a@example.cn\nTo: b@example.cn\n"
              b"Subject: Policy\n\nDear all,\n"
              b"From here on, the policy changes.\nPlease read the rules.\n")
    garbage += b"From a@example.cn Tue Apr  2 08:00:00 2024\n" + broken + b"\n"
    garbage += b"From nobody Tue Apr  2 08:00:00 2024\n\nA message with no headers at all.\n\n"
    garbage += mbox_entry(gb2312_notice())
    write("garbage.mbox", garbage)

    write("truncated.mbox", mbox_entry(from_line()) + mbox_entry(gb2312_notice())
          + b"From MAILER-DAEMON Fri Mar 15 01:30:12 2024\n" + truncated)


if __name__ == "__main__":
    main()
