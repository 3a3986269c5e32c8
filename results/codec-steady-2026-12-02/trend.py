import json,sys,math,statistics as st
for f in sys.argv[1:]:
    data=json.load(open(f))
    print("==",f)
    for b in data:
        name=b['benchmark'].split('.')[-2]+"."+b['benchmark'].split('.')[-1]
        p=b['params']; key=f"{name} {p.get('library')} {p.get('size')}"
        raw=b['primaryMetric']['rawData']  # forks x iters
        n=len(raw[0]); r=0.25
        gm=[math.exp(sum(math.log(fk[i]) for fk in raw)/len(raw)) for i in range(n)]
        plateau=st.median(gm[-8:])
        # first iteration i after which every block of 4 iterations is within 3% of plateau
        settle=None
        for i in range(n-3):
            if all(abs(st.mean(gm[j:j+4])/plateau-1)<0.03 for j in range(i,n-3)):
                settle=i;break
        # fork-to-fork CV of the median of iterations [a,a+k)
        def cv(a,k):
            m=[st.median(fk[a:a+k]) for fk in raw]; return st.pstdev(m)/st.mean(m)*100
        print(f"{key:34s} gm: "+" ".join(f"{g:.0f}" for g in gm[:12])+f" ... plateau {plateau:.0f}; settles at it {settle} ({settle*r if settle is not None else None}s); CV it0-3 {cv(0,3):.1f}% it4-7 {cv(4,3):.1f}% it8-11 {cv(8,3):.1f}% it20-23 {cv(20,3):.1f}%; forks at end: "+" ".join(f"{st.median(fk[-8:]):.0f}" for fk in raw))
