// Whether this process is draining (SIGTERM received): it finishes the requests in flight and
// reports itself not ready, so a load balancer stops sending it new ones. On globalThis because
// the server and the Remix build each bundle their own copy of this module.
declare global {
	var __attuneDraining: boolean | undefined
}

export function setDraining(draining: boolean): void {
	globalThis.__attuneDraining = draining
}

export function isDraining(): boolean {
	return globalThis.__attuneDraining ?? false
}
