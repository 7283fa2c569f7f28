-- Malformed XML ends the script with the line and column of the fault.
print("parsing")
local root = xml.fromstring([[<domain type='test'>
  <name>broken</name>
  <devices>
</domain>
]])
print("not reached")
