import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { User } from "../api/types.ts";
import { useSignOut } from "../features/auth/use-sign-out.ts";

/** A disclosure (button + list), which every screen reader handles, rather than an ARIA menu widget. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of watching the path
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t("shell.accountMenu", { name: user.name })}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true" className="avatar">
          {user.name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className="user-menu-name">{user.name}</span>
      </button>
      <ul id={listId} className="user-menu-list" hidden={!open}>
        <li className="user-menu-email">{user.email}</li>
        <li>
          <Link to="/account">{t("shell.account")}</Link>
        </li>
        <li>
          <button type="button" className="button-link" onClick={signOut}>
            {t("auth.signOut")}
          </button>
        </li>
      </ul>
    </div>
  );
}
