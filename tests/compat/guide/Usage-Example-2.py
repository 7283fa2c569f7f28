# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Usage-Example-2.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Usage-Example-2.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
volumeXML = """
<volume>
  <name>Volume.qcow2</name>
  <allocation>0</allocation>
  <capacity unit="G">16</capacity>
  <target>
    <path>/var/lib/libvirt/images/Volume.qcow2</path>
    <format type='qcow2'/>
    <permissions>
      <owner>107</owner>
      <group>107</group>
      <mode>0744</mode>
     <label>ExampleVolume</label>
    </permissions>
  </target>
</volume>"""

pool.createXML(volumeXML, 0)
