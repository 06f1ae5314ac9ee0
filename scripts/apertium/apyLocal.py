"""Runs apertium-apy bound to 127.0.0.1 only.

apertium-apy has no bind-address option: it calls HTTPServer.bind(port), which listens on
every interface. This wrapper makes that bind use 127.0.0.1, then starts apy as usual:

    python3 apyLocal.py -p 2737 /usr/share/apertium/modes
"""
import sys

import tornado.httpserver

_bind = tornado.httpserver.HTTPServer.bind


def _bind_loopback(self, port, address=None, *args, **kwargs):
    return _bind(self, port, "127.0.0.1", *args, **kwargs)


tornado.httpserver.HTTPServer.bind = _bind_loopback

from apertium_apy.apy import main  # noqa: E402  (after the patch, on purpose)

sys.argv = ["apertium-apy"] + sys.argv[1:]
main()
