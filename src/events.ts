/**
 * Domain events inside the process: a service publishes one after its transaction committed,
 * so a listener (the match index, later notifications) never sees a write that rolled back.
 */
export type DomainEvent =
  | { type: 'job'; change: 'posted' | 'updated' | 'closed' | 'reopened' | 'archived'; id: number }
  | { type: 'seeker'; change: 'registered' | 'updated' | 'archived' | 'training' | 'stage'; id: number }
  | { type: 'application'; change: string; id: number; seekerId: number; jobId: number; memberId: number }
  | { type: 'project'; change: 'created' | 'updated' | 'closed' | 'reopened' | 'archived'; id: number }
  | { type: 'course'; change: 'created' | 'updated' | 'archived'; id: number }
  | { type: 'user'; change: 'signed_out'; id: number };

export type Listener = (event: DomainEvent) => void;

export function createEventBus() {
  const listeners: Listener[] = [];
  return {
    subscribe(listener: Listener): () => void {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    publish(event: DomainEvent): void {
      for (const l of listeners) l(event);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
