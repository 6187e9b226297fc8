# /health/ready and /health/live in turn, 20 requests a second on one keep-alive connection, until SIGTERM;
# then writes p50/p99/max per route to OUT. Usage: python3 bench/health-probe.py PORT OUT (bench/logs-beside-room.sh)
import http.client, time, sys, signal
port=int(sys.argv[1]); out=sys.argv[2]
lat=[]; stop=[False]
signal.signal(signal.SIGTERM, lambda *a: stop.__setitem__(0, True))
c=http.client.HTTPConnection("127.0.0.1", port, timeout=10)
nxt=time.monotonic()
while not stop[0]:
    t0=time.monotonic()
    path = "/health/ready" if len(lat) % 2 == 0 else "/health/live"
    try:
        c.request("GET",path); r=c.getresponse(); r.read(); st=r.status
    except Exception as e:
        st=-1; c=http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    lat.append(((time.monotonic()-t0)*1000, st))
    nxt+=0.05
    d=nxt-time.monotonic()
    if d>0: time.sleep(d)
with open(out,"w") as f:
  for name, part in (("ready", lat[0::2]), ("live", lat[1::2])):
    ms=sorted(l for l,_ in part); n=len(ms)
    bad=sum(1 for _,s in part if s!=200)
    q=lambda p: ms[min(n-1,int(p*n))]
    f.write(f"{name}: samples {n} non200 {bad} p50 {q(0.5):.1f} p99 {q(0.99):.1f} max {ms[-1]:.1f} ms\n")
