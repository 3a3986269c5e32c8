"""Per row: the spread between forks (sd of log fork medians, and 1.4826 x MAD), within forks, and the fork medians."""
import glob, json, math, os, statistics as st

here = os.path.dirname(os.path.abspath(__file__))
for f in sorted(glob.glob(os.path.join(here, '*.json'))):
    for r in json.load(open(f)):
        forks = r['primaryMetric']['rawData']
        meds = [st.median(x) for x in forks]
        lg = [math.log(m) for m in meds]
        robust = 1.4826 * st.median([abs(v - st.median(lg)) for v in lg])
        within = st.median([st.stdev([math.log(v) for v in x]) for x in forks])
        print(f"{os.path.basename(f)[:-5]:34s} forks {len(meds):2d}  between {100 * st.stdev(lg):5.1f} % (robust {100 * robust:4.1f} %)"
              f"  within {100 * within:4.1f} %  fork medians: {' '.join('%.0f' % m for m in sorted(meds))}")
