import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ActionForm } from "@/components/checklists/action-form";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { TemplateItemFields } from "@/components/checklists/template-item-fields";
import { TemplateSync } from "@/components/checklists/template-sync";
import { appliesToLabel, categoryLabel } from "@/lib/checklists/labels";
import { applyTemplateAction, createTemplateAction, deleteTemplateItemAction, saveTemplateItemAction } from "@/lib/checklists/actions";
import { getTemplatesPage } from "@/lib/checklists/queries";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { stageFromDb, stageLabel } from "@/lib/slices/stages";

export const metadata: Metadata = { title: "Checklist templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const slug = programme.slug;
  const manage = can(programme.role, "template.manage");
  const canManage = manage.allowed;
  const { templates, slices, previews } = await getTemplatesPage(programme.id, canManage);
  return (
    <>
      <PageHeader title="Checklist templates" description="The definition of done: what each slice must show before it takes more traffic, and before it is done." />
      {canManage ? null : <ReadOnlyNotice className="mb-6" reason={`${manage.reason} The definition of done is a programme manager's to change.`} />}
      {templates.length === 0 ? (
        <Card title="No template yet">
          <p className="mb-3 text-sm text-slate-700">This programme has no definition of done. Start from Ferry&apos;s default (migrated, observable, safe to shift, stateful extras, retired) and edit it.</p>
          {canManage ? <ActionForm action={createTemplateAction.bind(null, slug)} label="Create the default template" submit="Create from the default" success="Template created." /> : null}
        </Card>
      ) : null}
      {templates.map((template, index) => {
        const preview = previews[index];
        return (
          <div key={template.id} className="space-y-6">
            <Card title={template.name}>
              <ScrollRegion label={`Items of ${template.name} (table)`}>
              <table className="min-w-full text-sm" aria-label={`Items of ${template.name}`}>
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3">Item</th>
                    <th scope="col" className="py-2 pr-3">Category</th>
                    <th scope="col" className="py-2 pr-3">Applies to</th>
                    <th scope="col" className="py-2 pr-3">Gates</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 align-top">
                  {template.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="py-2 pr-3 text-left font-normal">
                        <span className="font-medium text-slate-900">{item.title}</span>
                        {item.guidance ? <span className="block text-xs text-slate-600">{item.guidance}</span> : null}
                        {canManage ? (
                          <details className="mt-2">
                            <summary className="cursor-pointer text-xs text-brand-700">
                              Edit<span className="sr-only"> {item.title}</span>
                            </summary>
                            <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                              <ActionForm action={saveTemplateItemAction.bind(null, slug)} label={`Edit ${item.title}`} submit="Save item" success="Saved. Update existing slices below to apply it to them.">
                                <input type="hidden" name="templateId" value={template.id} />
                                <input type="hidden" name="itemId" value={item.id} />
                                <TemplateItemFields idPrefix={`edit-${item.id}`} values={{ ...item, gateStage: item.gateStage ? stageFromDb(item.gateStage) : null }} />
                              </ActionForm>
                              <ActionForm action={deleteTemplateItemAction.bind(null, slug)} label={`Remove ${item.title}`} submit="Remove from template" success="Removed." tone="danger">
                                <input type="hidden" name="templateId" value={template.id} />
                                <input type="hidden" name="itemId" value={item.id} />
                              </ActionForm>
                            </div>
                          </details>
                        ) : null}
                      </th>
                      <td className="py-2 pr-3 text-slate-700">{categoryLabel[item.category]}</td>
                      <td className="py-2 pr-3 text-slate-700">{appliesToLabel[item.appliesTo]}</td>
                      <td className="py-2 pr-3 text-slate-700">{item.gateStage ? stageLabel(stageFromDb(item.gateStage)) : "No stage"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </ScrollRegion>
            </Card>
            {canManage ? (
              <div className="grid gap-6 lg:grid-cols-3">
                <Card title="Add an item">
                  <ActionForm action={saveTemplateItemAction.bind(null, slug)} label={`Add an item to ${template.name}`} submit="Add item" success="Added. Update existing slices to give it to them.">
                    <input type="hidden" name="templateId" value={template.id} />
                    <TemplateItemFields idPrefix={`add-${template.id}`} />
                  </ActionForm>
                </Card>
                <Card title="Apply to a slice">
                  <ActionForm action={applyTemplateAction.bind(null, slug)} label={`Apply ${template.name} to a slice`} submit="Apply" success="Applied: the slice's checklist matches the template.">
                    <input type="hidden" name="templateId" value={template.id} />
                    <label className="block text-sm" htmlFor={`apply-${template.id}`}>
                      <span className="font-medium text-slate-800">Slice</span>
                      <select id={`apply-${template.id}`} name="sliceId" required className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                        {slices.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                            {s._count.checklistItems === 0 ? " (no checklist yet)" : ""}
                          </option>
                        ))}
                      </select>
                    </label>
                  </ActionForm>
                </Card>
                <Card title="Update existing slices" className="lg:col-span-3">
                  <p className="mb-3 text-sm text-slate-700">
                    {preview.slices === 0
                      ? ""
                      : `${preview.slices} slice${preview.slices === 1 ? "" : "s"} would change: ${preview.added} item${preview.added === 1 ? "" : "s"} added, ${preview.updated} reworded or re-gated, ${preview.removed} open item${preview.removed === 1 ? "" : "s"} removed${preview.followUps ? `, and ${preview.followUps} that live or done slices already passed the gate of` : ""}.`}{" "}
                    Ticks are never lost: done and not-applicable items stay{preview.kept ? ` (${preview.kept} kept although the template dropped them)` : ""}.
                  </p>
                  <TemplateSync slug={slug} templateId={template.id} templateName={template.name} bySlice={preview.bySlice} />
                </Card>
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
