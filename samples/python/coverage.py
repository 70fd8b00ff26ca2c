"""How much of each reserve lies inside the red line: the sample county, from Python."""
import redline

r = redline.coverage("samples/huichang/huichang.gpkg", "samples/huichang/huichang.gpkg",
                     layer="reserves", within_layer="redline", by="BHDMC")
t = r["total"]
print(f"inside {t['inside']:.2f} of {t['area']:.2f} {r['unit']} ({t['percent']:.2f} %)")
for g in r["groups"]:
    print(f"  {g['key']}: {g['percent']:.2f} %")
