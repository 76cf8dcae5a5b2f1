"""The benchmark client only ever talks to this machine."""

import asyncio

import pytest

from bench.client import HttpConnection, WebSocket


@pytest.mark.parametrize("host", ["10.0.0.5", "192.168.1.1", "example.org", "8.8.8.8"])
def test_the_bench_client_refuses_anything_but_loopback(host):
    with pytest.raises(ValueError, match="loopback"):
        HttpConnection(host, 80)
    with pytest.raises(ValueError, match="loopback"):
        asyncio.run(WebSocket.connect(host, 80, "/ws/"))


def test_the_bench_client_accepts_loopback_addresses():
    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1"):
        assert HttpConnection(host, 80).host == host
