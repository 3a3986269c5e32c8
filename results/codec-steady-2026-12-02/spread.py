import json,statistics as st,math,sys
for f in sys.argv[1:]:
  d=json.load(open(f)); print("==",f)
  for b in d:
    p=b['params']; k=b['benchmark'].split('.')[-2][:4]+' '+p['library'][:5]+' '+p['size']
    raw=b['primaryMetric']['rawData']
    med=[st.median(fk[8:]) for fk in raw]
    within=[st.stdev([math.log(x) for x in fk[8:]])*100 for fk in raw]
    print(f"{k:18s} fork medians (2-5 s): "+" ".join(f"{m:.0f}" for m in med)+f"  fork-to-fork sd {st.stdev([math.log(m) for m in med])*100:.1f}%  within-fork sd "+" ".join(f"{w:.0f}" for w in within))
