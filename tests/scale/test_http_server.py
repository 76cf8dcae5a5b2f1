"""Production HTTP runs on gunicorn behind nginx: the deploy files agree with each other, and
rate limits still see each client's own address."""

import re
import subprocess
import sys

from bench.processes import ROOT


def test_nginx_sends_websockets_to_the_asgi_ports_and_the_rest_to_gunicorn():
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    procfile = (ROOT / "deploy" / "Procfile").read_text()
    upstreams = dict(re.findall(r"upstream (\w+) \{(.*?)\}", nginx, re.S))
    http_ports = re.findall(r"server 127\.0\.0\.1:(\d+)", upstreams["mantelkring_http"])
    ws_ports = re.findall(r"server 127\.0\.0\.1:(\d+)", upstreams["mantelkring_ws"])
    gunicorn_lines = [line for line in procfile.splitlines() if "gunicorn" in line]
    uvicorn_lines = [line for line in procfile.splitlines() if "uvicorn mantelkring" in line]
    assert http_ports == re.findall(r"--bind 127\.0\.0\.1:(\d+)", "\n".join(gunicorn_lines))
    assert ws_ports == re.findall(r"--port (\d+)", "\n".join(uvicorn_lines))
    locations = dict(re.findall(r"location (/ws/|/) \{\s*proxy_pass http://(\w+);", nginx))
    assert locations == {"/ws/": "mantelkring_ws", "/": "mantelkring_http"}
    unit = (ROOT / "deploy" / "systemd" / "mantelkring-http.service").read_text()
    assert f"--bind 127.0.0.1:{http_ports[0]}" in unit and "gunicorn.conf.py" in unit
    target = (ROOT / "deploy" / "systemd" / "mantelkring.target").read_text()
    assert "mantelkring-http.service" in target


def test_rate_limits_in_production_see_the_client_nginx_saw_not_the_proxy():
    """gunicorn leaves REMOTE_ADDR at nginx's 127.0.0.1; allauth takes the last
    X-Forwarded-For entry (the address nginx added), never one the client wrote itself."""
    code = (
        "from django.test import RequestFactory;"
        "from allauth.core.internal.httpkit import get_client_ip;"
        "r = RequestFactory().get('/', HTTP_X_FORWARDED_FOR='6.6.6.6, 203.0.113.7', REMOTE_ADDR='127.0.0.1');"
        "print(get_client_ip(r));"
        "print(get_client_ip(RequestFactory().get('/', REMOTE_ADDR='127.0.0.1')))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "testserver",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["203.0.113.7", "127.0.0.1"]
