"""A real SMTP server (aiosmtpd) that records each accepted message's Message-ID and the time it
accepted it (Unix seconds), one line each, in one file, instead of writing a file per message as the tests' Mailbox handler does.
The benchmark points both the pipeline and the raw MailKit loop at it, then counts the lines
for lost and duplicate messages.

    /usr/bin/python3 smtp_sink.py <port> <log-file> [--maildir <dir>]

With --maildir it also stores every message as a file (aiosmtpd's Mailbox handler), to measure
what the file writes cost.
"""
import mailbox
import sys
import time

from aiosmtpd.controller import Controller


class CountingSink:
    def __init__(self, log_path, maildir=None):
        self.log = open(log_path, "a", buffering=1)
        self.box = mailbox.Maildir(maildir, create=True) if maildir else None

    async def handle_DATA(self, server, session, envelope):
        message_id = ""
        for line in envelope.content.split(b"\r\n"):
            if not line:
                break
            if line[:11].lower() == b"message-id:":
                message_id = line[11:].strip().decode("ascii", "replace")
                break
        if self.box is not None:
            self.box.add(envelope.content)
        self.log.write(f"{message_id} {time.time():.6f}\n")
        return "250 OK"


def main():
    port = int(sys.argv[1])
    maildir = sys.argv[sys.argv.index("--maildir") + 1] if "--maildir" in sys.argv else None
    controller = Controller(CountingSink(sys.argv[2], maildir), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
