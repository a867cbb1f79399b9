"""Latency and throughput of the hub's API v1 beside Wagtail's API v2, served by gunicorn.

Run it with::

    make bench PYTEST_ARGS=-k api
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cluster_hub make bench PYTEST_ARGS=-k api

It needs a PostgreSQL server: the one ``DATABASE_URL`` points at when that is PostgreSQL,
else ``postgres@127.0.0.1:5432``; it is skipped when the server cannot be reached. On it
the benchmark creates its own database ``cluster_hub_bench`` (dropped afterwards), migrates
it and loads the demo content with ``manage.py load_demo``, all with the settings
``tests.bench.settings``, which add Wagtail's API v2 to the hub. Then it starts gunicorn
with the hub's configuration (hub/gunicorn.conf.py: gthread workers), 2 workers with 4
threads each, and measures, for each request below:

- latency: ``BENCH_API_REQUESTS`` (default 60) sequential requests on one keep-alive
  connection, after a warm-up; median and 95th percentile;
- throughput: 4 client threads with a keep-alive connection each, sending
  ``BENCH_API_CONCURRENT_REQUESTS`` (default 30) requests apiece; requests per second.

A v1 request and its v2 counterpart are measured in turns (request by request for the
latency, in alternating rounds for the throughput), so that other load on the machine
weighs on both alike.

The requests, on the demo content:

- v1 resolve of the CKnews issue 1/2026 by its German path, and by its English path;
- v2 ``pages/find/?html_path=`` of the German path, which answers with a redirect to the
  page's detail, followed as a frontend must (two requests per operation). v2 cannot find
  pages by their ``/en/`` paths (it routes from the site's German root), so for English
  its nearest equivalent is the detail by id, which a frontend would have to know already;
- the German events of the Metropolregion site as a compact page list: v1
  ``pages/?site=&locale=&type=event`` and v2 ``pages/?type=pages.EventPage&locale=`` with
  the listing fields, the image as the same rendition (tests/bench/urls.py explains why v2
  is given ``api_fields``).

The figures are printed with the ratios v1/v2 from the same run; only behaviour is asserted
(statuses, that both APIs return the same pages), never timings. Migrating and loading the
demo takes a minute or two; the measurements take about as long again.
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from urllib.parse import urlencode, urlsplit

import dj_database_url
import psycopg
import pytest
from psycopg import sql

REPO_DIR = Path(__file__).resolve().parents[2]
BIN_DIR = Path(sys.executable).parent
BENCH_DATABASE = "cluster_hub_bench"
BENCH_SETTINGS = "tests.bench.settings"

SEQUENTIAL_REQUESTS = int(os.environ.get("BENCH_API_REQUESTS", "60"))
CONCURRENT_THREADS = 4
CONCURRENT_REQUESTS = int(os.environ.get("BENCH_API_CONCURRENT_REQUESTS", "30"))
THROUGHPUT_ROUNDS = 2
WARM_UP_REQUESTS = 5
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4
SERVER_START_TIMEOUT = 60

# The demo sites answer on port 8000 (load_demo); the Host header picks the site for v2.
CLUSTER_SITE = "cluster-chemie-kunststoffe.localhost"
METROPOLREGION_SITE = "metropolregion-mitteldeutschland.localhost"
DEMO_PORT = 8000
ISSUE_PATH_DE = "/cknews/cknews-2026-1/"
ISSUE_PATH_EN = "/en/cknews/cknews-2026-1/"
ENGLISH_ISSUE_TITLE = "CKnews 1/2026 \N{EN DASH} Hydrogen as a chemical feedstock"
LIST_PAGE_SIZE = 20
V2_LISTING_FIELDS = "listing_title,listing_summary,listing_image"

# Connections that the server closed between two phases (gunicorn's keep-alive timeout)
# are opened again once.
RECONNECT_ERRORS = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


# --- The database and the server -------------------------------------------------------------


def postgres_server() -> dict:
    """Connection parameters of the PostgreSQL server to use, without a database name."""
    configured = dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite://:memory:"))
    if configured["ENGINE"] != "django.db.backends.postgresql":
        configured = dj_database_url.parse("postgres://postgres@127.0.0.1:5432/postgres")
    return {
        "host": configured["HOST"] or "127.0.0.1",
        "port": int(configured["PORT"] or 5432),
        "user": configured["USER"] or "postgres",
        "password": configured["PASSWORD"] or "",
    }


def database_url(server: dict, name: str) -> str:
    credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
    return f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"


@contextmanager
def fresh_database(server: dict, name: str) -> Iterator[str]:
    """An empty database ``name`` on ``server`` (dropped and created); dropped on exit."""
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **server)
    except psycopg.OperationalError as error:
        address = f"{server['host']}:{server['port']}"
        pytest.skip(f"The API benchmark needs PostgreSQL at {address}: {error}")
    with admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url(server, name)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(drop)


def run_manage(*arguments: str, env: dict) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict, log_path: Path) -> Iterator[int]:
    """gunicorn serving the hub with the benchmark's settings; yields its port."""
    port = free_port()
    command = [
        str(BIN_DIR / "gunicorn"),
        "--config",
        "hub/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(GUNICORN_WORKERS),
        "--threads",
        str(GUNICORN_THREADS),
        # No worker restarts in the middle of a measurement.
        "--max-requests",
        "0",
        "hub.wsgi:application",
    ]
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=REPO_DIR, env=env, stdout=log, stderr=log)
    try:
        wait_until_ready(process, port, log_path)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(process: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.2)
    log = log_path.read_text()
    pytest.fail(f"gunicorn did not become ready in {SERVER_START_TIMEOUT} s:\n{log}")


# --- Requests ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self):
        return json.loads(self.body)


class Client:
    """One keep-alive connection to the server."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str, host: str) -> Answer:
        headers = {"Host": host, "Accept": "application/json"}
        try:
            self.connection.request("GET", path, headers=headers)
            response = self.connection.getresponse()
        except RECONNECT_ERRORS:
            self.connection.close()
            self.connection.request("GET", path, headers=headers)
            response = self.connection.getresponse()
        return Answer(response.status, response.headers, response.read())

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class Operation:
    """What a frontend does to get one thing: a request, and for v2's find its redirect."""

    name: str
    host: str
    path: str
    follow_redirect: bool = False

    def run(self, client: Client) -> Answer:
        answer = client.get(self.path, self.host)
        if self.follow_redirect and answer.status in (301, 302):
            location = urlsplit(answer.headers["Location"])
            target = location.path + (f"?{location.query}" if location.query else "")
            answer = client.get(target, self.host)
        return answer


def url(endpoint: str, **parameters) -> str:
    return f"{endpoint}?{urlencode(parameters)}"


def site_host(hostname: str) -> str:
    return f"{hostname}:{DEMO_PORT}"


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    requests_per_second: float = 0.0
    size: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.latencies, n=20)[18] * 1000


def measure_latencies(operations: tuple[Operation, ...], port: int) -> list[Figures]:
    """Sequential latencies of ``operations``, taken in turns (one request of each, then
    the next round), each on its own keep-alive connection: load from elsewhere on the
    machine then slows them alike instead of whichever happens to run at that moment."""
    clients = [Client(port) for _ in operations]
    results = [Figures() for _ in operations]
    try:
        for operation, client in zip(operations, clients, strict=True):
            for _ in range(WARM_UP_REQUESTS):
                operation.run(client)
        for _ in range(SEQUENTIAL_REQUESTS):
            for operation, client, figures in zip(operations, clients, results, strict=True):
                start = perf_counter()
                answer = operation.run(client)
                figures.latencies.append(perf_counter() - start)
                assert answer.status == 200, (operation.name, answer.status, answer.body[:500])
                figures.size = len(answer.body)
    finally:
        for client in clients:
            client.close()
    return results


def concurrent_run(operation: Operation, port: int, requests_per_thread: int) -> float:
    """Seconds that CONCURRENT_THREADS clients take for ``requests_per_thread`` each."""
    clients = [Client(port) for _ in range(CONCURRENT_THREADS)]
    start_together = threading.Barrier(CONCURRENT_THREADS + 1)
    failures: list[str] = []

    def work(client: Client) -> None:
        # The warm-up opens the connection and reaches both workers before the clock starts.
        for _ in range(WARM_UP_REQUESTS):
            operation.run(client)
        start_together.wait()
        for _ in range(requests_per_thread):
            answer = operation.run(client)
            if answer.status != 200:
                failures.append(f"{answer.status} {answer.body[:200]!r}")

    threads = [threading.Thread(target=work, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    start_together.wait()
    start = perf_counter()
    for thread in threads:
        thread.join()
    elapsed = perf_counter() - start
    for client in clients:
        client.close()
    assert not failures, (operation.name, failures[:3])
    return elapsed


def measure_throughputs(operations: tuple[Operation, ...], port: int) -> list[float]:
    """Requests per second of each operation under CONCURRENT_THREADS clients, measured in
    THROUGHPUT_ROUNDS alternating rounds (v1, v2, v1, v2, ...) for the reason given in
    measure_latencies()."""
    per_round = CONCURRENT_REQUESTS // THROUGHPUT_ROUNDS
    seconds = [0.0 for _ in operations]
    for _ in range(THROUGHPUT_ROUNDS):
        for index, operation in enumerate(operations):
            seconds[index] += concurrent_run(operation, port, per_round)
    total_requests = CONCURRENT_THREADS * per_round * THROUGHPUT_ROUNDS
    return [total_requests / elapsed for elapsed in seconds]


# --- What is measured, and what must hold --------------------------------------------------

V1_RESOLVE_DE = Operation(
    "v1 resolve, German path",
    site_host(CLUSTER_SITE),
    url("/api/v1/pages/resolve/", site=CLUSTER_SITE, path=ISSUE_PATH_DE),
)
V1_RESOLVE_EN = Operation(
    "v1 resolve, English path",
    site_host(CLUSTER_SITE),
    url("/api/v1/pages/resolve/", site=CLUSTER_SITE, path=ISSUE_PATH_EN),
)
V2_FIND_DE = Operation(
    "v2 find + detail, German path",
    site_host(CLUSTER_SITE),
    url("/api/v2/pages/find/", html_path=ISSUE_PATH_DE),
    follow_redirect=True,
)
V1_LIST = Operation(
    "v1 page list, events",
    site_host(METROPOLREGION_SITE),
    url(
        "/api/v1/pages/",
        site=METROPOLREGION_SITE,
        locale="de",
        type="event",
        page_size=LIST_PAGE_SIZE,
    ),
)
V2_LIST = Operation(
    "v2 page list, events",
    site_host(METROPOLREGION_SITE),
    url(
        "/api/v2/pages/",
        type="pages.EventPage",
        locale="de",
        fields=V2_LISTING_FIELDS,
        limit=LIST_PAGE_SIZE,
    ),
)


def v2_detail(page_id: int) -> Operation:
    return Operation(
        "v2 detail by id, English page", site_host(CLUSTER_SITE), f"/api/v2/pages/{page_id}/"
    )


def check_behaviour(port: int) -> Operation:
    """Both APIs give the same pages; returns v2's English detail (its id comes from v1)."""
    client = Client(port)
    try:
        german = V1_RESOLVE_DE.run(client)
        assert german.status == 200, german.body[:500]
        german_page = german.json()["page"]
        assert german.json()["kind"] == "page"
        assert (german_page["type"], german_page["locale"]) == ("newsletter_issue", "de")
        assert german_page["path"] == ISSUE_PATH_DE
        assert [block["type"] for block in german_page["articles"]] == ["article", "article"]

        english = V1_RESOLVE_EN.run(client).json()["page"]
        assert (english["path"], english["locale"]) == (ISSUE_PATH_EN, "en")
        assert english["title"] == ENGLISH_ISSUE_TITLE
        alternates = {item["locale"]: item["id"] for item in german_page["meta"]["alternates"]}
        assert alternates == {"de": german_page["id"], "en": english["id"]}

        found = client.get(V2_FIND_DE.path, V2_FIND_DE.host)
        assert found.status == 302
        assert urlsplit(found.headers["Location"]).path == f"/api/v2/pages/{german_page['id']}/"
        v2_german = V2_FIND_DE.run(client).json()
        assert v2_german["id"] == german_page["id"]
        assert len(v2_german["articles"]) == len(german_page["articles"])

        v2_english_detail = v2_detail(english["id"])
        v2_english = v2_english_detail.run(client).json()
        assert (v2_english["title"], v2_english["meta"]["locale"]) == (english["title"], "en")

        v1_list = V1_LIST.run(client).json()
        v2_list = V2_LIST.run(client).json()
        v1_ids = [item["id"] for item in v1_list["results"]]
        assert v1_list["count"] == v2_list["meta"]["total_count"] == len(v1_ids) > 1
        assert set(v1_ids) == {item["id"] for item in v2_list["items"]}
        assert {item["type"] for item in v1_list["results"]} == {"event"}
        return v2_english_detail
    finally:
        client.close()


def table(results: dict[str, Figures]) -> str:
    width = max(len(name) for name in results)
    lines = [
        f"{'request':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'req/s':>7}  {'bytes':>7}",
        "-" * (width + 40),
    ]
    for name, figures in results.items():
        lines.append(
            f"{name:<{width}}  {figures.median_ms:>9.1f}  {figures.p95_ms:>7.1f}  "
            f"{figures.requests_per_second:>7.1f}  {figures.size:>7}"
        )
    return "\n".join(lines)


def ratios(results: dict[str, Figures], pairs: list[tuple[str, str, str]]) -> str:
    lines = ["v1/v2 in the same run (latency: lower is faster; throughput: higher is more):"]
    for label, v1_name, v2_name in pairs:
        v1, v2 = results[v1_name], results[v2_name]
        lines.append(
            f"  {label}: median latency {v1.median_ms / v2.median_ms:.2f}x, "
            f"throughput {v1.requests_per_second / v2.requests_per_second:.2f}x"
        )
    return "\n".join(lines)


def postgres_version(url: str) -> str:
    with psycopg.connect(url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def test_api_v1_beside_wagtail_api_v2(tmp_path):
    with fresh_database(postgres_server(), BENCH_DATABASE) as bench_url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS,
            "DATABASE_URL": bench_url,
            "MEDIA_ROOT": str(tmp_path / "media"),
            "STATIC_ROOT": str(tmp_path / "static"),
        }
        setup_start = perf_counter()
        run_manage("migrate", "--noinput", env=env)
        run_manage("load_demo", env=env)
        setup_seconds = perf_counter() - setup_start

        with gunicorn(env, tmp_path / "gunicorn.log") as port:
            v2_detail_en = check_behaviour(port)
            comparisons = [
                ("resolve, German path", V1_RESOLVE_DE, V2_FIND_DE),
                ("resolve, English path", V1_RESOLVE_EN, v2_detail_en),
                ("page list", V1_LIST, V2_LIST),
            ]
            results: dict[str, Figures] = {}
            for _label, *compared in comparisons:
                pair = tuple(compared)
                latencies = measure_latencies(pair, port)
                throughputs = measure_throughputs(pair, port)
                for operation, figures, rate in zip(pair, latencies, throughputs, strict=True):
                    figures.requests_per_second = rate
                    results[operation.name] = figures
        server_version = postgres_version(bench_url)

    print(
        f"\n\nAPI v1 beside Wagtail's API v2 on the demo content: gunicorn with "
        f"{GUNICORN_WORKERS} workers x {GUNICORN_THREADS} threads, PostgreSQL {server_version}; "
        f"latency over {SEQUENTIAL_REQUESTS} sequential requests, throughput of "
        f"{CONCURRENT_THREADS} threads x {CONCURRENT_REQUESTS} requests (keep-alive), "
        "v1 and v2 measured in turns; "
        f"migrating and loading the demo took {setup_seconds:.0f} s\n"
    )
    print(table(results))
    print()
    print(ratios(results, [(label, v1.name, v2.name) for label, v1, v2 in comparisons]))
    print(
        "\nv2's find answers with a redirect: its figures cover both requests. v2's answers "
        "carry less than v1's: ids where v1 gives images with renditions and the people and "
        "organisations blocks refer to, and no alternates or breadcrumbs."
    )
