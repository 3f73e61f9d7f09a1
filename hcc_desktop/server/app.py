"""The HTTP face of the sync server (docs/sync.md): a FastAPI app over SyncStore.

Every error leaves as JSON ``{"error": CODE, "detail": TEXT}``; an unexpected
exception is logged with its traceback here and reaches the client only as
``server_error``. Store calls block on the database, so they run in the
thread pool, never on the event loop.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse

from hcc_desktop.core.errors import HccError, NotFound, SyncError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.core.version import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    VERSION_HEADER,
    app_version,
    parse_protocol,
)
from hcc_desktop.server.attachment_files import files_from_environment
from hcc_desktop.server.attachments import add_routes as add_attachment_routes
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.limits import (
    DEFAULT_FAILURE_LIMIT,
    DEFAULT_REGISTRATION_LIMIT,
    RateLimiter,
)
from hcc_desktop.server.reports import province_report
from hcc_desktop.server.reviewers import Provinces
from hcc_desktop.server.store import (
    DEFAULT_PAGE,
    HTTP_STATUS,
    SyncStore,
    error_detail,
    sha256_hex,
    utc_now,
)
from hcc_desktop.server.store.common import normalise_enrolment_code

log = logging.getLogger("hcc_desktop.server")

# The oldest device protocol this server still serves; a device below it is
# refused (426 ``device_too_old``) and told to install this server's version.
MIN_DEVICE_PROTOCOL = 1
# Requests are read whole before parsing; these caps keep a broken or hostile
# client from filling the server's memory. 1,000 dossier snapshots with their
# components are a few megabytes.
MAX_PUSH_BYTES = 32 * 1024 * 1024
MAX_SMALL_BODY_BYTES = 64 * 1024


def _error(
    status: int, code: str, detail: str, params: dict[str, str] | None = None
) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status == 429 and params and "retry_after" in params:
        headers = {"Retry-After": params["retry_after"]}
    body: dict[str, Any] = {"error": code, "detail": detail}
    if params:
        body["params"] = params
    return JSONResponse(body, status_code=status, headers=headers)


# Errors whose parameters the device shows to the officer (the units, say).
_ERRORS_WITH_PARAMS = {
    "unit_mismatch",
    "no_free_slot",
    "device_id_taken",
    "rate_limited",
    "device_too_old",
}
# Failures counted by the rate limits (docs/sync.md, "Limits").
_REGISTRATION_FAILURES = {
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "device_id_taken",
}
_CREDENTIAL_FAILURES = {"credential_invalid", "credential_revoked"}


def _sync_error_response(exc: SyncError) -> JSONResponse:
    params = None
    if exc.code in _ERRORS_WITH_PARAMS:
        params = {k: str(v) for k, v in exc.params.items() if k != "detail"}
    return _error(HTTP_STATUS.get(exc.code, 400), exc.code, error_detail(exc), params)


class _GuardedRoute(APIRoute):
    """Turns any unexpected exception of an endpoint into a logged ``server_error``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except (HccError, HTTPException, RequestValidationError):
                raise
            except ClientDisconnect:
                # The device went away (network lost, app closed, timeout):
                # nothing to answer, nothing wrong with the server.
                log.info(
                    "client %s disconnected during %s %s",
                    _client_address(request),
                    request.method,
                    request.url.path,
                )
                return Response(status_code=499)
            except Exception:
                log.exception("error serving %s %s", request.method, request.url.path)
                return _error(500, "server_error", error_detail(SyncError("server_error")))

        return guarded


async def _json_body(request: Request, *, limit: int, too_large: str) -> Any:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise SyncError(too_large, detail=f"request body over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise SyncError(too_large, detail=f"request body over {limit} bytes")
        chunks.append(chunk)
    try:
        return wire_json.loads_request(b"".join(chunks))
    except ValueError:  # not JSON, or not UTF-8
        raise SyncError("bad_request", detail="the body is not valid JSON") from None


class _WireResponse(Response):
    """JSON encoded by orjson: a push's results or a page of changes is
    encoded several times faster than by the standard encoder, and sent as
    it is (FastAPI's encoder would walk every item)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return wire_json.dumps_bytes(content)


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SyncError("bad_request", detail=f"{name} must be an integer") from None


def check_device_version(
    request: Request, *, min_protocol: int = MIN_DEVICE_PROTOCOL, server_version: str
) -> None:
    """Refuse a device whose sync protocol is older than ``min_protocol``."""
    declared = request.headers.get(PROTOCOL_HEADER)
    protocol = parse_protocol(declared)
    if protocol is None:
        raise SyncError("bad_request", detail=f"{PROTOCOL_HEADER} must be an integer")
    if protocol < min_protocol:
        device_version = request.headers.get(VERSION_HEADER, "") or "?"
        raise SyncError(
            "device_too_old",
            device_version=device_version[:40],
            device_protocol=str(protocol),
            min_protocol=str(min_protocol),
            required_version=server_version,
        )


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def create_app(
    database_url: str | None = None,
    *,
    store: SyncStore | None = None,
    migrate: bool = True,
    failure_limit: int = DEFAULT_FAILURE_LIMIT,
    registration_limit: int = DEFAULT_REGISTRATION_LIMIT,
    min_device_protocol: int = MIN_DEVICE_PROTOCOL,
    files: str | Path | None = None,
) -> FastAPI:
    """The server app over ``database_url`` (migrated first) or an existing ``store``.

    ``files``: the folder of the attachments' chunks (default ``HCC_SERVER_FILES``;
    neither: they are kept in the database).

    Devices declaring a sync protocol below ``min_device_protocol`` are refused.

    ``failure_limit``: failed registrations or credentials per minute, per
    client address and per code or token, before 429; ``registration_limit``:
    registrations per minute per client address (0: no limit).
    """
    if store is None:
        if database_url is None:
            raise ValueError("give a database_url or a store")
        db = ServerDatabase(database_url)
        if migrate:
            db.upgrade()
        store = SyncStore(db)
    sync = store
    failures = RateLimiter(failure_limit)
    registrations = RateLimiter(registration_limit)

    def refuse_if_limited(limiter: RateLimiter, *keys: str) -> None:
        wait = limiter.retry_after(*keys)
        if wait is not None:
            log.warning("rate limit reached for %s", ", ".join(k.split(":")[0] for k in keys))
            raise SyncError("rate_limited", retry_after=wait)

    version = app_version()

    def check_device(request: Request) -> None:
        check_device_version(request, min_protocol=min_device_protocol, server_version=version)

    async def authenticate(
        request: Request, check: Callable[[str | None], Any] | None = None
    ) -> Any:
        """The caller of ``check`` (the device by default, whose version is
        checked first), failures counted."""
        if check is None:
            check_device(request)
        address = "ip:" + _client_address(request)
        authorization = request.headers.get("authorization")
        token = "token:" + sha256_hex(authorization or "")
        refuse_if_limited(failures, address, token)
        try:
            return await run_in_threadpool(check or sync.authenticate, authorization)
        except SyncError as exc:
            if exc.code in _CREDENTIAL_FAILURES:
                failures.hit(address, token)
            raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        sync.db.dispose()

    app = FastAPI(
        title="HCC Desktop sync server",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.router.route_class = _GuardedRoute
    # Level 5: pages of JSON shrink almost as much as at 9 for half the CPU.
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    app.state.store = sync

    @app.exception_handler(SyncError)
    async def on_sync_error(_request: Request, exc: SyncError) -> JSONResponse:
        return _sync_error_response(exc)

    @app.exception_handler(NotFound)
    async def on_not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, "not_found", exc.describe())

    @app.exception_handler(HTTPException)
    async def on_http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, "bad_request", "; ".join(str(e.get("msg")) for e in exc.errors()))

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Outside the endpoints (middleware): Starlette re-raises after this, and
        # uvicorn logs the traceback.
        return _error(500, "server_error", error_detail(SyncError("server_error")))

    @app.get("/api/v1/health")
    async def health() -> dict[str, Any]:
        await run_in_threadpool(sync.ping)
        return {
            "status": "ok",
            "version": version,
            "protocol": PROTOCOL_VERSION,
            "min_device_protocol": min_device_protocol,
            "server_time": utc_now().isoformat(timespec="seconds"),
        }

    @app.post("/api/v1/devices/register")
    async def register(request: Request) -> dict[str, Any]:
        check_device(request)
        address = "ip:" + _client_address(request)
        refuse_if_limited(failures, address)
        refuse_if_limited(registrations, address)
        registrations.hit(address)
        body = await _json_body(request, limit=MAX_SMALL_BODY_BYTES, too_large="bad_request")
        if not isinstance(body, dict):
            raise SyncError("bad_request", detail="the body must be a JSON object")
        code, device_id = body.get("code"), body.get("device_id")
        device_name = body.get("device_name", "")
        if not isinstance(code, str) or not code.strip():
            raise SyncError("bad_request", detail="code is required")
        if not isinstance(device_id, str) or not device_id:
            raise SyncError("bad_request", detail="device_id is required")
        if not isinstance(device_name, str):
            raise SyncError("bad_request", detail="device_name must be text")
        held_units = body.get("held_units", [])
        if (
            not isinstance(held_units, list)
            or len(held_units) > 100
            or not all(isinstance(u, str) for u in held_units)
        ):
            raise SyncError("bad_request", detail="held_units must be a list of unit codes")
        public_key = body.get("public_key")
        if public_key is not None and not isinstance(public_key, str):
            raise SyncError("bad_request", detail="public_key must be text")
        code_key = "code:" + sha256_hex(normalise_enrolment_code(code))
        refuse_if_limited(failures, code_key)
        try:
            registration = await run_in_threadpool(
                sync.register,
                code,
                device_id,
                device_name,
                held_units,
                request.headers.get("authorization"),
                public_key,
            )
        except SyncError as exc:
            if exc.code in _REGISTRATION_FAILURES:
                failures.hit(address, code_key)
            raise
        log.info(
            "device %s registered in unit %s, slot %d (version %s)",
            registration.device_id,
            registration.unit_code,
            registration.device_slot,
            request.headers.get(VERSION_HEADER, "?")[:40],
        )
        return registration.to_json()

    @app.post("/api/v1/devices/key")
    async def device_key(request: Request) -> dict[str, Any]:
        # A device registered before signing sends its public key once.
        device = await authenticate(request)
        body = await _json_body(request, limit=MAX_SMALL_BODY_BYTES, too_large="bad_request")
        if not isinstance(body, dict):
            raise SyncError("bad_request", detail="the body must be a JSON object")
        key = await run_in_threadpool(sync.set_device_key, device.id, body.get("public_key"))
        return {"device_id": device.id, "public_key": key}

    @app.post("/api/v1/push")
    async def push(request: Request) -> Response:
        device = await authenticate(request)
        body = await _json_body(request, limit=MAX_PUSH_BYTES, too_large="batch_too_large")
        outcome = await run_in_threadpool(sync.apply_batch, device, body)
        if not outcome.replayed:
            counts = outcome.counts()
            log.info("push from %s (%s): %s", device.id, device.unit_code, counts)
        return _WireResponse(outcome.response)

    @app.get("/api/v1/changes")
    async def changes(request: Request) -> Response:
        device = await authenticate(request)
        since = _int_param(request, "since", 0)
        limit = _int_param(request, "limit", DEFAULT_PAGE)
        page = await run_in_threadpool(partial(sync.changes_since, raw=True), device, since, limit)
        await run_in_threadpool(sync.touch, device)
        return _WireResponse(page.to_json())

    add_attachment_routes(app, sync, _json_body, authenticate, files_from_environment(files))

    provinces = Provinces(sync.db)

    @app.get("/api/v1/reports/periodic")
    async def periodic_report(request: Request) -> Response:
        """Biểu II.06a and the rates of the reviewer's province, per unit and in total."""
        reviewer = await authenticate(request, provinces.authenticate)
        start = _date_param(request, "from")
        end = _date_param(request, "to")
        unit = request.query_params.get("unit") or None
        report = await run_in_threadpool(
            province_report,
            sync.db,
            province=reviewer.province,
            start=start,
            end=end,
            unit=unit,
        )
        return _WireResponse(report.to_json())

    return app


# ``serve --workers N``: uvicorn starts N processes, each importing this
# factory; the settings travel in the environment (the database URL with its
# password stays out of the process list).
WORKER_FACTORY = "hcc_desktop.server.app:app_from_environment"
_ENV_DATABASE = "HCC_SERVER_DATABASE"
_ENV_LIMITS = "HCC_SERVER_LIMITS"
_ENV_LOG_LEVEL = "HCC_SERVER_LOG_LEVEL"


def migrate_database(database_url: str) -> None:
    """Upgrade the server's schema (once, before worker processes start)."""
    db = ServerDatabase(database_url)
    try:
        db.upgrade()
    finally:
        db.dispose()


def export_worker_config(
    database_url: str, *, log_level: str, failure_limit: int, registration_limit: int
) -> None:
    os.environ[_ENV_DATABASE] = database_url
    os.environ[_ENV_LIMITS] = f"{failure_limit},{registration_limit}"
    os.environ[_ENV_LOG_LEVEL] = log_level


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``serve --workers N``."""
    logging.basicConfig(
        level=getattr(logging, os.environ.get(_ENV_LOG_LEVEL, "info").upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s",
    )
    failure_limit, registration_limit = (
        int(n) for n in os.environ.get(_ENV_LIMITS, "10,30").split(",")
    )
    return create_app(
        os.environ[_ENV_DATABASE],
        migrate=False,
        failure_limit=failure_limit,
        registration_limit=registration_limit,
    )


def _date_param(request: Request, name: str) -> date:
    raw = request.query_params.get(name)
    if not raw:
        raise SyncError("bad_request", detail=f"{name} is required (YYYY-MM-DD)")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise SyncError("bad_request", detail=f"{name} must be a date YYYY-MM-DD") from None


__all__ = [
    "MAX_PUSH_BYTES",
    "MIN_DEVICE_PROTOCOL",
    "PROTOCOL_VERSION",
    "WORKER_FACTORY",
    "app_from_environment",
    "check_device_version",
    "create_app",
    "export_worker_config",
    "migrate_database",
]
