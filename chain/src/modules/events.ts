/** An ABCI event as CometBFT serves it: every attribute indexed, as the SDK's default does. */
export interface EventAttribute {
  key: string;
  value: string;
  index: boolean;
}

export interface ChainEvent {
  type: string;
  attributes: EventAttribute[];
}

/**
 * Collects the events of one tx, message or submessage. A branch gets its own manager whose
 * events reach the parent only when the branch's state does.
 */
export class EventManager {
  private readonly list: ChainEvent[] = [];

  /** Emits an event; attributes in the order given. */
  emit(type: string, ...attributes: ReadonlyArray<readonly [key: string, value: string]>): void {
    this.list.push({ type, attributes: attributes.map(([key, value]) => ({ key, value, index: true })) });
  }

  emitEvent(event: ChainEvent): void {
    this.list.push(event);
  }

  append(events: readonly ChainEvent[]): void {
    for (const event of events) this.list.push(event);
  }

  events(): readonly ChainEvent[] {
    return this.list;
  }
}
