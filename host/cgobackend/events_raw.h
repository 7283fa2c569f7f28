#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Go's side, in events_raw.go. */
extern void vsLegacyDomainEvent(virConnectPtr conn, virDomainPtr dom, int event, int detail, long id);

int vsDomainEventRegister(virConnectPtr conn, long id, virErrorPtr err);
int vsDomainEventDeregister(virConnectPtr conn, virErrorPtr err);

extern void vsTypedDomainEvent(virConnectPtr conn, virDomainPtr dom, virTypedParameterPtr params, int nparams, long id);
extern void vsTypedDomainEventFree(long id);
int vsDomainEventRegisterTyped(virConnectPtr conn, virDomainPtr dom, int eventID, long id, virErrorPtr err);
