/** Display names for the activity log's `by`, from users.info. */
import type { webApi } from '@slack/bolt';
import type { ChannelLogger } from '../kit/index.ts';

/** Display names for the activity log, looked up once per user; the id when Slack will not say. */
export function nameLookup(client: webApi.WebClient, logger: ChannelLogger): (userId: string) => Promise<string> {
  const names = new Map<string, Promise<string>>();
  return (userId) => {
    let name = names.get(userId);
    if (!name) {
      name = client.users
        .info({ user: userId })
        .then((result) => {
          const profile = result.user?.profile;
          return profile?.display_name || profile?.real_name || result.user?.real_name || result.user?.name || userId;
        })
        .catch((error: unknown) => {
          logger.warn('users.info failed', { user: userId, error });
          names.delete(userId);
          return userId;
        });
      names.set(userId, name);
    }
    return name;
  };
}

