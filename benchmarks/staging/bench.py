#!/usr/bin/env python3
"""Staging backend benchmark against comfyui-simulator instances at a fixed time per prompt.

Starts real processes (simulator jars and the backend jar), drives the public API over HTTP with
internal JWTs, and reads engine-side timings from each simulator's /history (execution_start and
execution_success timestamps). See RESULTS.md for the method and the figures.
"""
import base64, hashlib, hmac, json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, uuid
import urllib.request, urllib.error

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BACKEND_JAR = os.path.join(ROOT, "staging-backend-service", "target", "staging-backend-service.jar")
SIM_JAR = os.path.join(ROOT, "comfyui-simulator", "target", "comfyui-simulator.jar")
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
SECRET = "bench-internal-jwt-secret-0123456789abcdef"
PROMPT_MS = int(os.environ.get("PROMPT_MS", "2000"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(sub="bench-user", role="user"):
    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "vstage-gateway", "sub": sub, "role": role, "aud": "staging-backend",
                             "jti": str(uuid.uuid4()), "iat": now, "exp": now + 3600}).encode())
    sig = b64(hmac.new(SECRET.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest())
    return f"{header}.{claims}.{sig}"


def http(method, url, body=None, headers=None, timeout=120):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until(check, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("timed out waiting for " + what)


class Processes:
    def __init__(self):
        global BACKEND_JAR, SIM_JAR
        self.procs = []
        self.dir = tempfile.mkdtemp(prefix="staging-bench-")
        # private copies: other builds may rewrite target/ while the benchmark runs
        BACKEND_JAR = shutil.copy(BACKEND_JAR, os.path.join(self.dir, "backend.jar"))
        SIM_JAR = shutil.copy(SIM_JAR, os.path.join(self.dir, "simulator.jar"))

    def simulator(self, prompt_ms):
        port = free_port()
        log = open(os.path.join(self.dir, f"sim-{port}.log"), "w")
        self.procs.append(subprocess.Popen([JAVA, "-jar", SIM_JAR, "--port", str(port), "--prompt-millis",
                                            str(prompt_ms)], stdout=log, stderr=subprocess.STDOUT))
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: http("GET", url + "/system_stats")[0] == 200, 60, "simulator")
        return url

    def backend(self, engine_urls, extra_env=None):
        port = free_port()
        data = tempfile.mkdtemp(dir=self.dir)
        env = dict(os.environ, SERVER_PORT=str(port), COMFYUI_URLS=",".join(engine_urls),
                   INTERNAL_JWT_SECRET=SECRET, SIGNED_URL_SECRET=SECRET + "-links",
                   STAGING_DB_URL=f"jdbc:sqlite:{data}/staging.db?journal_mode=WAL&busy_timeout=10000",
                   STAGING_STORAGE_DIR=f"{data}/images", KEY_MANAGER_URL="http://127.0.0.1:9",
                   **(extra_env or {}))
        log = open(os.path.join(self.dir, f"backend-{port}.log"), "w")
        proc = subprocess.Popen([JAVA, "-jar", BACKEND_JAR], env=env, stdout=log, stderr=subprocess.STDOUT,
                                cwd=data)
        self.procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: http("GET", url + "/actuator/health/readiness")[0] == 200, 400, "backend readiness")
        return url, proc

    def stop_all(self):
        for proc in reversed(self.procs):
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs = []


def multipart(fields, files):
    boundary = "bench" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    for name, data in files:
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{name}\"\r\n"
                     f"Content-Type: image/jpeg\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def submit(backend, image, num_images, auth):
    body, content_type = multipart({"room_type": "living_room", "style": "modern", "num_images": num_images},
                                   [("room.jpg", image)])
    status, reply = http("POST", backend + "/api/v1/staging/jobs", body,
                         {"Content-Type": content_type, "Authorization": "Bearer " + auth})
    if status != 202:
        raise RuntimeError(f"submit answered {status}: {reply[:300]}")
    return json.loads(reply)["id"]


def job(backend, job_id, auth):
    return json.loads(http("GET", f"{backend}/api/v1/staging/jobs/{job_id}", None,
                           {"Authorization": "Bearer " + auth})[1])


def wait_jobs(backend, ids, auth, seconds=900):
    def finished():
        return all(job(backend, i, auth)["status"] in ("completed", "failed", "cancelled") for i in ids)
    wait_until(finished, seconds, "jobs")
    return [job(backend, i, auth) for i in ids]


def engine_runs(engine):
    """(prompt_id, start_ms, end_ms) of every finished prompt, from /history."""
    history = json.loads(http("GET", engine + "/history?max_items=10000")[1])
    runs = []
    for prompt_id, entry in history.items():
        messages = dict((m[0], m[1]) for m in (entry.get("status") or {}).get("messages", []))
        if "execution_start" in messages and "execution_success" in messages:
            runs.append((prompt_id, messages["execution_start"]["timestamp"],
                         messages["execution_success"]["timestamp"]))
    return sorted(runs, key=lambda r: r[1])


def utilisation(runs):
    busy = sum(end - start for _, start, end in runs)
    span = max(end for _, _, end in runs) - min(start for _, start, _ in runs)
    return busy / span, span / 1000.0


def jpeg_of_size(megabytes, path):
    # random noise barely compresses, so the pixel count sets the file size
    width, height = {0: (640, 480), 4: (2660, 2000), 10: (4200, 3150)}[megabytes]
    subprocess.run([JAVA, os.path.join(os.path.dirname(os.path.abspath(__file__)), "NoiseJpeg.java"), str(width),
                    str(height), path], check=True)
    with open(path, "rb") as f:
        return f.read()


def iso_ms(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000


def main():
    scenarios = sys.argv[1:] or ["utilisation", "throughput", "overhead", "memory"]
    procs = Processes()
    auth = token()
    photo = jpeg_of_size(4, os.path.join(procs.dir, "4mb.jpg"))
    small = jpeg_of_size(0, os.path.join(procs.dir, "small.jpg"))
    results = {"prompt_ms": PROMPT_MS, "image_bytes_4mb": len(photo), "image_bytes_small": len(small)}
    try:
        if "utilisation" in scenarios or "throughput" in scenarios:
            # a small photo: the simulator's own image work would otherwise eat the shared CPU
            throughput = {}
            for count in (1, 2, 4):
                engines = [procs.simulator(PROMPT_MS) for _ in range(count)]
                backend, _ = procs.backend(engines)
                started = time.time()
                ids = [submit(backend, small, 10, auth) for _ in range(4)]
                jobs = wait_jobs(backend, ids, auth)
                wall = time.time() - started
                done = sum(1 for j in jobs for i in j["images"] if i["status"] == "done")
                per_engine = [utilisation(engine_runs(e)) for e in engines]
                throughput[count] = {"images": done, "wall_s": round(wall, 2),
                                     "images_per_min": round(done / wall * 60, 2),
                                     "engine_utilisation": [round(u, 4) for u, _ in per_engine],
                                     "engine_span_s": [round(s, 2) for _, s in per_engine]}
                print(count, "instance(s):", throughput[count], flush=True)
                procs.stop_all()
            base = throughput[1]["images_per_min"]
            for count, figures in throughput.items():
                figures["speedup"] = round(figures["images_per_min"] / base, 3)
                figures["linearity"] = round(figures["images_per_min"] / (base * count), 3)
            results["throughput"] = throughput
            results["utilisation_one_instance_40_images"] = throughput[1]["engine_utilisation"][0]
        if "overhead" in scenarios:
            engine = procs.simulator(PROMPT_MS)
            backend, _ = procs.backend([engine])
            overheads, before, submit_to_start, after = [], [], [], []
            for _ in range(12):
                job_id = submit(backend, photo, 1, auth)
                finished = wait_jobs(backend, [job_id], auth)[0]
                _, start, end = engine_runs(engine)[-1]
                created = iso_ms(finished["created_at"])
                image = finished["images"][0]
                total = iso_ms(finished["finished_at"]) - created
                overheads.append(total - (end - start))
                # created -> prompt id recorded (dispatch, upload to the engine, binding)
                before.append(iso_ms(image["submitted_at"]) - created)
                # recorded -> engine starts (POST /prompt validation on the engine, engine queue)
                submit_to_start.append(start - iso_ms(image["submitted_at"]))
                # engine success -> image done (history, /view download, store, database)
                after.append(iso_ms(image["finished_at"]) - end)
            def summary(values):
                values = values[2:]  # the first jobs warm up the JIT
                return {"median": round(statistics.median(values), 1), "min": round(min(values), 1),
                        "max": round(max(values), 1), "samples": len(values)}
            results["overhead_ms"] = summary(overheads)
            results["overhead_parts_ms"] = {"created_to_submitted": summary(before),
                                            "submitted_to_engine_start": summary(submit_to_start),
                                            "engine_success_to_image_done": summary(after)}
            print("overhead parts:", results["overhead_parts_ms"], flush=True)
            print("overhead:", results["overhead_ms"], flush=True)
            procs.stop_all()
        if "memory" in scenarios:
            big = jpeg_of_size(10, os.path.join(procs.dir, "10mb.jpg"))
            engine = procs.simulator(600_000)
            backend, proc = procs.backend([engine])
            for _ in range(200):
                submit(backend, big, 1, auth)
            time.sleep(5)
            status = open(f"/proc/{proc.pid}/status").read()
            rss = int([l for l in status.splitlines() if l.startswith("VmRSS")][0].split()[1]) // 1024
            hwm = int([l for l in status.splitlines() if l.startswith("VmHWM")][0].split()[1]) // 1024
            results["memory"] = {"jobs": 200, "upload_bytes": len(big), "rss_mb": rss, "peak_rss_mb": hwm}
            print("memory:", results["memory"], flush=True)
            procs.stop_all()
    finally:
        procs.stop_all()
    print(json.dumps(results, indent=2))
    with open(os.path.join(os.path.dirname(__file__), "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    shutil.rmtree(procs.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
