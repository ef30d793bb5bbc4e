/** A message as the pipeline sees it: plain data, no Wechaty. roomId is null for a private chat with the bot. */
export type Inbound = {
  id: string
  roomId: string | null
  roomTopic: string | null
  talkerId: string
  talkerName: string
  text: string
  kind: 'text' | 'image' | 'voice' | 'video' | 'location' | 'other'
  /** A picture, voice or video the message carried. */
  media: { mime: string; data: Buffer } | null
  mentionsBot: boolean
  receivedAt: Date
}

/** Something the bot will say: in a room (with @s), or privately to a contact. 0 is most urgent. */
export type Outbound = {
  roomId?: string
  /** The group's name, to find it again if WeChat gave it a new id since. */
  roomTopic?: string
  contactId?: string
  text: string
  mention?: string[]
  priority?: 0 | 1 | 2
}
