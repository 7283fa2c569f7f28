# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Usage-Example-7.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Usage-Example-7.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# List all the snapshots
snapshotList = dom.listAllSnapshots()
# Find the snapshot with the name we want:
revertTo = None
for snap in snapshotList:
    if snap.getName() == 'FirstSnapshot':
        revertTo = snap
if revertTo is not None:
    dom.revertToSnapshot(revertTo)
