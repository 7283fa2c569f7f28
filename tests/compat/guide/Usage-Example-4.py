# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Usage-Example-4.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Usage-Example-4.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Path to desired '.iso' file
diskFile = "/tmp/debian.iso"
diskXML = """    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='""" + diskFile + """'/>
      <target dev='hdb' bus='ide'/>
      <address type='drive' controller='0' bus='0' target='0' unit='1'/>
    </disk>"""
dom.updateDeviceFlags(diskXML, 0)
