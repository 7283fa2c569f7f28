#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Go's side, in events_legacy.go. */
extern void vsLegacyDomainEvent(virConnectPtr conn, virDomainPtr dom, int event, int detail, long id);

int vsDomainEventRegister(virConnectPtr conn, long id, virErrorPtr err);
int vsDomainEventDeregister(virConnectPtr conn, virErrorPtr err);
