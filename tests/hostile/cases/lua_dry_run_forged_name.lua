-- A dry run's plan on stderr cannot be forged, nor leak a password: the
-- script plans domains whose names hold a newline followed by a fake plan
-- line, and a C1 control sequence introducer (U+009B, which terminals take
-- for ESC [) with a right-to-left override, then acts on them. Each name is
-- printed quoted, on its entry's one line; the passwords in the XML reach
-- neither the stderr plan nor the --plan file.
-- flags: --dry-run --plan $TMP/plan.json
-- want-exit: 0
-- want-stderr: dry run: 4 calls planned, none made
-- want-stderr:   <virConnect test://$ROOT/tests/hostile/node.xml>.defineXML("<domain type='test'><name>evil&#10; &lt;virDomain alpha&gt;...)
-- want-stderr:   <virDomain "evil\n <virDomain alpha>.destroy()">.create()
-- want-stderr:   <virConnect test://$ROOT/tests/hostile/node.xml>.defineXML("<domain type='test'><name>\u009b2K\u202efake</name><memory>...)
-- want-stderr:   <virDomain "\u009b2K\u202efake">.create()
-- want-file-contains: plan.json: "receiver": "<virDomain \"evil\\n <virDomain alpha>.destroy()\">"
-- want-file-contains: plan.json: passwd\n= '<redacted>'
-- want-file-not-contains: plan.json: PlanLeak
local XML = "<domain type='test'><name>%s</name><memory>1024</memory><os><type>hvm</type></os><devices><graphics type='vnc' passwd\n= 'PlanLeak'/></devices></domain>"
local conn = libvirt.open()
conn:defineXML(string.format(XML, "evil&#10; &lt;virDomain alpha&gt;.destroy()")):create()
conn:defineXML(string.format(XML, "\194\155" .. "2K\226\128\174fake")):create()
