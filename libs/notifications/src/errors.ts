/** The notification cannot be delivered as given; retrying the activity cannot fix it. */
export class InvalidNotificationError extends Error {
  override readonly name = 'InvalidNotification';
}

/**
 * The notification id is already in the outbox with different content. Never silently accepted: the id is the
 * idempotency key receivers deduplicate on, so reusing it for another reminder would make them drop that one.
 */
export class NotificationIdReuseError extends Error {
  override readonly name = 'NotificationIdReuse';
  constructor(readonly notificationId: string) {
    super(`Notification ${notificationId} is already in the outbox with different content.`);
  }
}

/** A channel setting the channel cannot honour (checked when the channels are built, i.e. at worker start). */
export class UnsupportedChannelConfigError extends Error {
  override readonly name = 'UnsupportedChannelConfig';
}
