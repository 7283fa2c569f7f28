package cgobackend

/*
#cgo pkg-config: libvirt
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

// vsTurnWanted is set while Go waits for an iteration of the loop to end
// (LoopTurn), vsTurnFD is where the loop then writes.
static int vsTurnWanted;
static int vsTurnFD = -1;

static void *vsRunEventLoop(void *arg)
{
    (void)arg;
    for (;;) {
        if (virEventRunDefaultImpl() < 0) {
            // Only a broken poll() fails here; events stop.
            virErrorPtr e = virGetLastError();
            fprintf(stderr, "vertscript: libvirt event loop: %s\n",
                    e && e->message ? e->message : "failed");
            return NULL;
        }
        if (__atomic_exchange_n(&vsTurnWanted, 0, __ATOMIC_SEQ_CST)) {
            char b = 1;
            ssize_t n = write(vsTurnFD, &b, 1);
            (void)n;
        }
    }
    return NULL;
}

static int vsStartEventLoop(int fd)
{
    pthread_t t;
    pthread_attr_t attr;
    int r;
    vsTurnFD = fd;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    r = pthread_create(&t, &attr, vsRunEventLoop, NULL);
    pthread_attr_destroy(&attr);
    return r;
}

static void vsWantTurn(void)
{
    __atomic_store_n(&vsTurnWanted, 1, __ATOMIC_SEQ_CST);
}
*/
import "C"

import (
	"fmt"
	"os"
	"sync"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// eventLoop registers libvirt's default event loop and runs it on a
// thread of its own, once per process: libvirt wants it registered before
// any connection opens, and it serves every connection after. The thread is
// libvirt's, not a goroutine's: every call on a remote connection wakes the
// loop twice (the call takes the connection's socket from the loop, and
// gives it back), and a wake-up that goes through Go's scheduler cost 40 µs
// a call on a real libvirtd (a call to virDomainGetInfo on a QEMU guest took
// 186 µs with the loop on a goroutine, 144 µs on its own thread, 139 µs in
// python3-libvirt without a loop). Event callbacks reach Go from that
// thread as cgo callbacks.
var eventLoop = sync.OnceValue(func() error {
	if err := libvirt.EventRegisterDefaultImpl(); err != nil {
		return conv(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("the event loop's pipe: %w", err)
	}
	turnWriter = w // kept open for the process's life
	if rc := C.vsStartEventLoop(C.int(w.Fd())); rc != 0 {
		return fmt.Errorf("starting libvirt's event loop thread: error %d", int(rc))
	}
	go watchTurns(r)
	return nil
})

// turnWriter is the pipe's end the loop's thread writes a byte to after an
// iteration that a LoopTurn waits for.
var turnWriter *os.File

// watchTurns closes loopTurn.done each time the loop's thread reports an
// iteration on r, for the LoopTurn that asked.
func watchTurns(r *os.File) {
	buf := make([]byte, 64)
	for {
		if _, err := r.Read(buf); err != nil {
			return
		}
		loopTurn.Lock()
		close(loopTurn.done)
		loopTurn.done = make(chan struct{})
		loopTurn.Unlock()
	}
}

// loopTurn is closed and replaced when the event loop ends an iteration
// that a LoopTurn waits for. The loop is the process's, like libvirt's.
var loopTurn = struct {
	sync.Mutex
	done chan struct{}
}{done: make(chan struct{})}

var _ host.EventLoop = Backend{}

// LoopTurn implements host.EventLoop: the channel is closed once the loop
// ends an iteration after the call.
func (Backend) LoopTurn() <-chan struct{} {
	loopTurn.Lock()
	done := loopTurn.done
	loopTurn.Unlock()
	C.vsWantTurn()
	return done
}

func (c *conn) DomainEventRegisterAny(dom host.Domain, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	var d *libvirt.Domain
	if dom != nil {
		d = dom.(*domain).d
	}
	send := eventSender(deliver, func(ld *libvirt.Domain) *domain { return &domain{d: ld} })
	var id int
	var err error
	lc, dm := c.c, d
	switch eventID {
	case driver.DomainEventIDLifecycle:
		id, err = lc.DomainEventLifecycleRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventLifecycle) {
			send(ld, driver.LifecycleEvent{Event: int(e.Event), Detail: e.Detail})
		})
	case driver.DomainEventIDReboot:
		id, err = lc.DomainEventRebootRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain) {
			send(ld, driver.NoArgsEvent{})
		})
	case driver.DomainEventIDRtcChange:
		id, err = lc.DomainEventRTCChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventRTCChange) {
			send(ld, driver.RTCChangeEvent{Offset: e.Utcoffset})
		})
	case driver.DomainEventIDWatchdog:
		id, err = lc.DomainEventWatchdogRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventWatchdog) {
			send(ld, driver.WatchdogEvent{Action: int(e.Action)})
		})
	case driver.DomainEventIDIOError:
		id, err = lc.DomainEventIOErrorRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventIOError) {
			send(ld, driver.IOErrorEvent{SrcPath: e.SrcPath, DevAlias: e.DevAlias, Action: int(e.Action)})
		})
	case driver.DomainEventIDGraphics:
		id, err = lc.DomainEventGraphicsRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventGraphics) {
			subject := make([]driver.GraphicsSubject, len(e.Subject))
			for i, s := range e.Subject {
				subject[i] = driver.GraphicsSubject{Type: s.Type, Name: s.Name}
			}
			send(ld, driver.GraphicsEvent{Phase: int(e.Phase), Local: graphicsAddress(e.Local), Remote: graphicsAddress(e.Remote),
				AuthScheme: e.AuthScheme, Subject: subject})
		})
	case driver.DomainEventIDIOErrorReason:
		id, err = lc.DomainEventIOErrorReasonRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventIOErrorReason) {
			send(ld, driver.IOErrorEvent{SrcPath: e.SrcPath, DevAlias: e.DevAlias, Action: int(e.Action), Reason: e.Reason, HasReason: true})
		})
	case driver.DomainEventIDControlError:
		id, err = lc.DomainEventControlErrorRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain) {
			send(ld, driver.NoArgsEvent{})
		})
	case driver.DomainEventIDBlockJob:
		id, err = lc.DomainEventBlockJobRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventBlockJob) {
			send(ld, driver.BlockJobEvent{Disk: e.Disk, Type: int(e.Type), Status: int(e.Status)})
		})
	case driver.DomainEventIDBlockJob2:
		id, err = lc.DomainEventBlockJob2Register(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventBlockJob) {
			send(ld, driver.BlockJobEvent{Disk: e.Disk, Type: int(e.Type), Status: int(e.Status)})
		})
	case driver.DomainEventIDDiskChange:
		id, err = lc.DomainEventDiskChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventDiskChange) {
			send(ld, driver.DiskChangeEvent{OldSrcPath: e.OldSrcPath, NewSrcPath: e.NewSrcPath, DevAlias: e.DevAlias, Reason: int(e.Reason)})
		})
	case driver.DomainEventIDTrayChange:
		id, err = lc.DomainEventTrayChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventTrayChange) {
			send(ld, driver.TrayChangeEvent{DevAlias: e.DevAlias, Reason: int(e.Reason)})
		})
	case driver.DomainEventIDPmwakeup:
		id, err = lc.DomainEventPMWakeupRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventPMWakeup) {
			send(ld, driver.ReasonEvent{Reason: int(e.Reason)})
		})
	case driver.DomainEventIDPmsuspend:
		id, err = lc.DomainEventPMSuspendRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventPMSuspend) {
			send(ld, driver.ReasonEvent{Reason: int(e.Reason)})
		})
	case driver.DomainEventIDPmsuspendDisk:
		id, err = lc.DomainEventPMSuspendDiskRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventPMSuspendDisk) {
			send(ld, driver.ReasonEvent{Reason: int(e.Reason)})
		})
	case driver.DomainEventIDBalloonChange:
		id, err = lc.DomainEventBalloonChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventBalloonChange) {
			send(ld, driver.BalloonChangeEvent{Actual: e.Actual})
		})
	case driver.DomainEventIDDeviceRemoved:
		id, err = lc.DomainEventDeviceRemovedRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventDeviceRemoved) {
			send(ld, driver.DeviceEvent{DevAlias: e.DevAlias})
		})
	case driver.DomainEventIDDeviceAdded:
		id, err = lc.DomainEventDeviceAddedRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventDeviceAdded) {
			send(ld, driver.DeviceEvent{DevAlias: e.DevAlias})
		})
	case driver.DomainEventIDDeviceRemovalFailed:
		id, err = lc.DomainEventDeviceRemovalFailedRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventDeviceRemovalFailed) {
			send(ld, driver.DeviceEvent{DevAlias: e.DevAlias})
		})
	case driver.DomainEventIDAgentLifecycle:
		id, err = lc.DomainEventAgentLifecycleRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventAgentLifecycle) {
			send(ld, driver.AgentLifecycleEvent{State: int(e.State), Reason: int(e.Reason)})
		})
	case driver.DomainEventIDMigrationIteration:
		id, err = lc.DomainEventMigrationIterationRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventMigrationIteration) {
			send(ld, driver.MigrationIterationEvent{Iteration: e.Iteration})
		})
	case driver.DomainEventIDMetadataChange:
		id, err = lc.DomainEventMetadataChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventMetadataChange) {
			send(ld, driver.MetadataChangeEvent{Type: int(e.Type), NSURI: e.NSURI})
		})
	case driver.DomainEventIDBlockThreshold:
		id, err = lc.DomainEventBlockThresholdRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventBlockThreshold) {
			send(ld, driver.BlockThresholdEvent{Dev: e.Dev, Path: e.Path, Threshold: e.Threshold, Excess: e.Excess})
		})
	case driver.DomainEventIDMemoryFailure:
		id, err = lc.DomainEventMemoryFailureRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventMemoryFailure) {
			send(ld, driver.MemoryFailureEvent{Recipient: int(e.Recipient), Action: int(e.Action), Flags: int(e.Flags)})
		})
	case driver.DomainEventIDMemoryDeviceSizeChange:
		id, err = lc.DomainEventMemoryDeviceSizeChangeRegister(dm, func(_ *libvirt.Connect, ld *libvirt.Domain, e *libvirt.DomainEventMemoryDeviceSizeChange) {
			send(ld, driver.MemoryDeviceSizeChangeEvent{Alias: e.Alias, Size: e.Size})
		})
	case driver.DomainEventIDTunable, driver.DomainEventIDJobCompleted:
		return c.domainEventRegisterTyped(dm, eventID, deliver)
	default:
		return 0, unknownEvent("domain", eventID)
	}
	return id, conv(err)
}

// eventSender returns the function that delivers one event of the object
// (domain, network, ...) libvirt passes to a callback, with the callback's
// other arguments: that object is only lent for the callback, so the event
// takes a reference of its own, which wrap makes a backend object.
func eventSender[L interface{ Ref() error }, O interface{ Free() error }](deliver func(host.ObjectEvent), wrap func(L) O) func(L, driver.EventPayload) {
	return func(l L, p driver.EventPayload) {
		if l.Ref() == nil {
			deliver(host.ObjectEvent{Object: wrap(l), Payload: p})
		}
	}
}

// registerEvent makes the registration of event eventID that register
// holds, by event ID, or fails as libvirt does for an event ID of what
// (a class: "network", ...) that it does not know.
func registerEvent(what string, eventID int, register map[int]func() (int, error)) (int, error) {
	r, ok := register[eventID]
	if !ok {
		return 0, unknownEvent(what, eventID)
	}
	id, err := r()
	return id, conv(err)
}

// networkEventMetadataChange is VIR_NETWORK_EVENT_ID_METADATA_CHANGE,
// newer than the libvirt headers the constants are generated from.
const networkEventMetadataChange = 1

func (c *conn) NetworkEventRegisterAny(net host.Network, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	var n *libvirt.Network
	if net != nil {
		n = net.(*network).n
	}
	send := eventSender(deliver, func(ln *libvirt.Network) *network { return &network{n: ln} })
	return registerEvent("network", eventID, map[int]func() (int, error){
		driver.NetworkEventIDLifecycle: func() (int, error) {
			return c.c.NetworkEventLifecycleRegister(n, func(_ *libvirt.Connect, ln *libvirt.Network, e *libvirt.NetworkEventLifecycle) {
				send(ln, driver.LifecycleEvent{Event: int(e.Event), Detail: e.Detail})
			})
		},
		networkEventMetadataChange: func() (int, error) {
			return c.c.NetworkEventMetadataChangeRegister(n, func(_ *libvirt.Connect, ln *libvirt.Network, e *libvirt.NetworkEventMetadataChange) {
				send(ln, driver.MetadataChangeEvent{Type: int(e.Type), NSURI: e.NSURI})
			})
		},
	})
}

func (c *conn) NetworkEventDeregisterAny(callbackID int) error {
	return conv(c.c.NetworkEventDeregister(callbackID))
}

func (c *conn) StoragePoolEventRegisterAny(pool host.StoragePool, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	var p *libvirt.StoragePool
	if pool != nil {
		p = pool.(*storagePool).p
	}
	send := eventSender(deliver, func(lp *libvirt.StoragePool) *storagePool { return &storagePool{p: lp} })
	return registerEvent("storage pool", eventID, map[int]func() (int, error){
		driver.StoragePoolEventIDLifecycle: func() (int, error) {
			return c.c.StoragePoolEventLifecycleRegister(p, func(_ *libvirt.Connect, lp *libvirt.StoragePool, e *libvirt.StoragePoolEventLifecycle) {
				send(lp, driver.LifecycleEvent{Event: int(e.Event), Detail: e.Detail})
			})
		},
		driver.StoragePoolEventIDRefresh: func() (int, error) {
			return c.c.StoragePoolEventRefreshRegister(p, func(_ *libvirt.Connect, lp *libvirt.StoragePool) { send(lp, driver.NoArgsEvent{}) })
		},
	})
}

func (c *conn) StoragePoolEventDeregisterAny(callbackID int) error {
	return conv(c.c.StoragePoolEventDeregister(callbackID))
}

func (c *conn) SecretEventRegisterAny(sec host.Secret, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	var s *libvirt.Secret
	if sec != nil {
		s = sec.(*secret).s
	}
	send := eventSender(deliver, func(ls *libvirt.Secret) *secret { return &secret{s: ls} })
	return registerEvent("secret", eventID, map[int]func() (int, error){
		driver.SecretEventIDLifecycle: func() (int, error) {
			return c.c.SecretEventLifecycleRegister(s, func(_ *libvirt.Connect, ls *libvirt.Secret, e *libvirt.SecretEventLifecycle) {
				send(ls, driver.LifecycleEvent{Event: int(e.Event), Detail: e.Detail})
			})
		},
		driver.SecretEventIDValueChanged: func() (int, error) {
			return c.c.SecretEventValueChangedRegister(s, func(_ *libvirt.Connect, ls *libvirt.Secret) { send(ls, driver.NoArgsEvent{}) })
		},
	})
}

func (c *conn) SecretEventDeregisterAny(callbackID int) error {
	return conv(c.c.SecretEventDeregister(callbackID))
}

func (c *conn) NodeDeviceEventRegisterAny(dev host.NodeDevice, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	var d *libvirt.NodeDevice
	if dev != nil {
		d = dev.(*nodeDevice).d
	}
	send := eventSender(deliver, func(ld *libvirt.NodeDevice) *nodeDevice { return &nodeDevice{d: ld} })
	return registerEvent("node device", eventID, map[int]func() (int, error){
		driver.NodeDeviceEventIDLifecycle: func() (int, error) {
			return c.c.NodeDeviceEventLifecycleRegister(d, func(_ *libvirt.Connect, ld *libvirt.NodeDevice, e *libvirt.NodeDeviceEventLifecycle) {
				send(ld, driver.LifecycleEvent{Event: int(e.Event), Detail: e.Detail})
			})
		},
		driver.NodeDeviceEventIDUpdate: func() (int, error) {
			return c.c.NodeDeviceEventUpdateRegister(d, func(_ *libvirt.Connect, ld *libvirt.NodeDevice) { send(ld, driver.NoArgsEvent{}) })
		},
	})
}

func (c *conn) NodeDeviceEventDeregisterAny(callbackID int) error {
	return conv(c.c.NodeDeviceEventDeregister(callbackID))
}

// unknownEvent is libvirt's error for an event ID it does not know.
func unknownEvent(what string, id int) error {
	return invalidArg(libvirt.FROM_NONE, "unknown %s event ID %d", what, id)
}

// eventValue converts an event argument to a core value.
// graphicsAddress is one end of a graphics connection.
func graphicsAddress(a libvirt.DomainEventGraphicsAddress) driver.GraphicsAddress {
	return driver.GraphicsAddress{Family: int(a.Family), Node: a.Node, Service: a.Service}
}

func (c *conn) DomainEventDeregisterAny(callbackID int) error {
	return conv(c.c.DomainEventDeregister(callbackID))
}

func (c *conn) RegisterCloseCallback(deliver func(reason int)) error {
	return conv(c.c.RegisterCloseCallback(func(_ *libvirt.Connect, reason libvirt.ConnectCloseReason) {
		deliver(int(reason))
	}))
}

func (c *conn) UnregisterCloseCallback() error { return conv(c.c.UnregisterCloseCallback()) }

func (c *conn) SetKeepAlive(interval int, count uint) error {
	return conv(c.c.SetKeepAlive(interval, count))
}
