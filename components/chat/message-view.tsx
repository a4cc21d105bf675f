"use client";

import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import type { ChatMessage } from "@/lib/agent/chat-message";
import { DeleteCandidatesCard } from "@/components/chat/delete-candidates-card";
import { MemoryWriteChip } from "@/components/chat/memory-write-chip";
import { ProposalCard } from "@/components/chat/proposal-card";
import { linkCitations, RecalledMemories } from "@/components/chat/recalled-memories";

type Props = {
  message: ChatMessage;
  conversationId: string;
  isLast: boolean;
  busy: boolean;
  onReply: (text: string) => void;
};

export function MessageView({ message, isLast, busy, onReply }: Props) {
  const isUser = message.role === "user";
  return (
    <article
      id={`m-${message.id}`}
      aria-label={isUser ? "From you" : "From Mnemo"}
      className={`flex scroll-mt-20 flex-col gap-2 ${isUser ? "items-end" : "items-start"} target:[&>div:first-child]:ring-2 target:[&>div:first-child]:ring-amber-400`}
    >
      {message.parts.map((part, index) => {
        const key = `${message.id}-${index}`;
        switch (part.type) {
          case "text":
            return part.text ? (
              <div
                key={key}
                className={`max-w-[85%] rounded-2xl px-4 py-2.5 text-sm leading-relaxed ${
                  isUser ? "bg-indigo-600 text-white" : "border border-zinc-200 bg-white text-zinc-900"
                }`}
              >
                {isUser ? (
                  <p className="whitespace-pre-wrap">{part.text}</p>
                ) : (
                  <div className="prose-chat">
                    <ReactMarkdown remarkPlugins={[remarkGfm]}>{linkCitations(part.text, message.metadata?.recalled)}</ReactMarkdown>
                  </div>
                )}
              </div>
            ) : null;
          case "tool-save_memory": {
            if (part.state !== "output-available") return <Pending key={key} label="Saving memory…" />;
            const output = part.output;
            if ("error" in output) return <ToolNote key={key} tone="warn" text={`Memory not saved: ${output.error}`} />;
            if (output.action === "queued") {
              return <MemoryWriteChip key={key} writeId={output.write_id} kind={output.supersedes ? "supersede" : "create"} />;
            }
            if (output.action === "confirm_needed") {
              return <ProposalCard key={key} proposalId={output.proposal_id} content={output.content} />;
            }
            if (output.action === "failed") return <ToolNote key={key} tone="warn" text={output.message} />;
            if (output.action === "refused") return <ToolNote key={key} tone="warn" text={output.message} />;
            return null;
          }
          case "tool-delete_memory": {
            if (part.state !== "output-available") return <Pending key={key} label="Looking through memories…" />;
            const output = part.output;
            if ("error" in output) return <ToolNote key={key} tone="warn" text={output.error} />;
            if ("candidates" in output) {
              return output.candidates.length > 0 ? (
                <DeleteCandidatesCard
                  key={key}
                  candidates={output.candidates}
                  canAnswer={isLast && !busy}
                  onConfirm={() => onReply("Yes, forget them.")}
                  onCancel={() => onReply("No, keep them.")}
                />
              ) : null;
            }
            return <MemoryWriteChip key={key} writeId={output.write_id} kind="delete" count={output.count} />;
          }
          case "tool-query_memory": {
            if (part.state !== "output-available") return <Pending key={key} label="Searching memory…" />;
            const output = part.output;
            const count = "memories" in output ? output.memories.length : 0;
            return (
              <ToolNote
                key={key}
                tone="muted"
                text={"error" in output ? output.error : `Searched memory: ${count} ${count === 1 ? "match" : "matches"}`}
              />
            );
          }
          case "data-notice":
            return <ToolNote key={key} tone={part.data.level === "warning" ? "warn" : "muted"} text={part.data.text} />;
          default:
            return null;
        }
      })}
      {message.role === "assistant" && message.metadata?.recalled?.length ? <RecalledMemories recalled={message.metadata.recalled} /> : null}
      {message.role === "assistant" && message.metadata?.model ? (
        <p className="text-[11px] text-zinc-400">{message.metadata.model}</p>
      ) : null}
    </article>
  );
}

function Pending({ label }: { label: string }) {
  return (
    <p className="text-xs text-zinc-500" role="status">
      {label}
    </p>
  );
}

function ToolNote({ text, tone }: { text: string; tone: "warn" | "muted" }) {
  return (
    <p className={`rounded-md px-2 py-1 text-xs ${tone === "warn" ? "bg-amber-50 text-amber-800" : "text-zinc-500"}`}>{text}</p>
  );
}
