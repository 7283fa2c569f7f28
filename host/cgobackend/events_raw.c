// The legacy domain event API (virConnectDomainEventRegister), which
// libvirt.org/go/libvirt does not offer: libvirt-python's
// domainEventRegister uses it, and libvirt tracks its registration apart
// from those of virConnectDomainEventRegisterAny.
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stddef.h>
#include "events_raw.h"

static int vsLegacyCallback(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    vsLegacyDomainEvent(conn, dom, event, detail, (long)opaque);
    return 0;
}

int vsDomainEventRegister(virConnectPtr conn, long id, virErrorPtr err)
{
    int ret = virConnectDomainEventRegister(conn, vsLegacyCallback, (void *)id, NULL);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int vsDomainEventDeregister(virConnectPtr conn, virErrorPtr err)
{
    int ret = virConnectDomainEventDeregister(conn, vsLegacyCallback);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

// The domain events whose details are typed parameters (tunable, job
// completed): libvirt.org/go/libvirt decodes them into partial structs,
// so they are registered here and their parameters read as they are.
static void vsTypedCallback(virConnectPtr conn, virDomainPtr dom, virTypedParameterPtr params, int nparams, void *opaque)
{
    vsTypedDomainEvent(conn, dom, params, nparams, (long)opaque);
}

static void vsTypedFree(void *opaque)
{
    vsTypedDomainEventFree((long)opaque);
}

int vsDomainEventRegisterTyped(virConnectPtr conn, virDomainPtr dom, int eventID, long id, virErrorPtr err)
{
    int ret = virConnectDomainEventRegisterAny(conn, dom, eventID, VIR_DOMAIN_EVENT_CALLBACK(vsTypedCallback), (void *)id, vsTypedFree);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
