# compat-source: https://github.com/openstack/openstack-ansible-ops/blob/1b1e2853d1d95ff82a7e68a8757df06593dd1cd1/cluster_metrics/templates/telegraf-plugins/kvm_virsh.py
# compat-repo: openstack/openstack-ansible-ops
# compat-path: cluster_metrics/templates/telegraf-plugins/kvm_virsh.py
# compat-commit: 1b1e2853d1d95ff82a7e68a8757df06593dd1cd1
# compat-license: Apache-2.0
# compat-skip: python3 prints abs(hash(socket.getfqdn())), and a str hash is random in each python3 process
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
#!/usr/bin/env python
import libvirt
import socket

return_data = dict()
conn = libvirt.openReadOnly()
try:
    domains = conn.listDomainsID()
    return_data['kvm_vms'] = len(domains)
    return_data['kvm_total_vcpus'] = conn.getCPUMap()[0]
    return_data['kvm_scheduled_vcpus'] = 0
    for domain in domains:
        return_data['kvm_scheduled_vcpus'] += conn.lookupByID(
            domain
        ).maxVcpus()
    return_data['kvm_host_id'] = abs(hash(socket.getfqdn()))
except Exception as exp:
    raise SystemExit('Plugin failure -- Reason: "%s"' % exp)
else:
    line_data = 'kvm '
    for key, value in return_data.items():
        line_data += '%s=%s,' % (key.replace(' ', '_'), value)
    else:
        line_data = line_data.rstrip(',')
    print(line_data)
finally:
    conn.close()
