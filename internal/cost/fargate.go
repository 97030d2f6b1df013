package cost

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Fargate sizes: CPU in units (1024 = 1 vCPU), memory in MiB. Task
// definitions also accept "1 vCPU", "0.5 vcpu", "2 GB", "2048 MiB".
func parseCPU(s string) (decimal.Decimal, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if v, ok := strings.CutSuffix(t, "vcpu"); ok {
		d, err := decimal.NewFromString(strings.TrimSpace(v))
		return d.Mul(gib), err == nil && d.IsPositive()
	}
	d, err := decimal.NewFromString(t)
	return d, err == nil && d.IsPositive()
}

func parseMemory(s string) (decimal.Decimal, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, suf := range []string{"gb", "gib"} {
		if v, ok := strings.CutSuffix(t, suf); ok {
			d, err := decimal.NewFromString(strings.TrimSpace(v))
			return d.Mul(gib), err == nil && d.IsPositive()
		}
	}
	for _, suf := range []string{"mb", "mib"} {
		if v, ok := strings.CutSuffix(t, suf); ok {
			t = strings.TrimSpace(v)
		}
	}
	d, err := decimal.NewFromString(t)
	return d, err == nil && d.IsPositive()
}

// fargateTasks describes running Fargate tasks.
type fargateTasks struct {
	CPUUnits  decimal.Decimal
	MemoryMiB decimal.Decimal
	// Variant is the Fargate price variant: linux-x86 or linux-arm.
	Variant string
	// StorageGiB is the task's ephemeral storage (20 when not set).
	StorageGiB decimal.Decimal
	Tasks      decimal.Decimal
	UsageBased bool
}

func (t fargateTasks) vcpu() decimal.Decimal  { return t.CPUUnits.Div(gib) }
func (t fargateTasks) memGB() decimal.Decimal { return t.MemoryMiB.Div(gib) }
func (t fargateTasks) archName() string {
	if t.Variant == "linux-arm" {
		return "ARM64"
	}
	return "X86_64"
}

// fargateIncludedStorageGiB is what the ephemeral storage price variant
// "over-20GB" leaves out: the first 20 GB of each task.
var fargateIncludedStorageGiB = decimal.NewFromInt(20)

// addFargate adds vCPU, memory and extra ephemeral storage components.
func (c *calc) addFargate(t fargateTasks) {
	hours := t.Tasks.Mul(c.e.hours)
	taskWord := "tasks"
	if t.Tasks.Equal(one) {
		taskWord = "task"
	}
	cpu := t.vcpu().Mul(hours)
	cp := c.add(fmt.Sprintf("CPU (%s vCPU %s, %s %s)", t.vcpu(), t.archName(), t.Tasks, taskWord), priceKey{"fargate", "vcpu_hour", t.Variant}, "vCPU-hour", &cpu, t.UsageBased)
	cp.taskCount = t.Tasks
	mem := t.memGB().Mul(hours)
	c.add(fmt.Sprintf("Memory (%s GB, %s %s)", t.memGB(), t.Tasks, taskWord), priceKey{"fargate", "gb_hour", t.Variant}, "GB-hour", &mem, t.UsageBased)
	if t.StorageGiB.GreaterThan(fargateIncludedStorageGiB) {
		extra := t.StorageGiB.Sub(fargateIncludedStorageGiB).Mul(hours)
		c.add(fmt.Sprintf("Ephemeral storage above 20 GB (%s GB)", t.StorageGiB), priceKey{"fargate", "ephemeral_storage_gb_hour", "over-20GB"}, "GB-hour", &extra, t.UsageBased)
	}
}

// fargateMonthly prices tasks without adding components (for savings).
func (c *calc) fargateMonthly(t fargateTasks) (decimal.Decimal, bool) {
	hours := t.Tasks.Mul(c.e.hours)
	cpu, ok1 := c.rate(priceKey{"fargate", "vcpu_hour", t.Variant})
	mem, ok2 := c.rate(priceKey{"fargate", "gb_hour", t.Variant})
	if !ok1 || !ok2 {
		return decimal.Zero, false
	}
	total := t.vcpu().Mul(hours).Mul(cpu.USD).Add(t.memGB().Mul(hours).Mul(mem.USD))
	if t.StorageGiB.GreaterThan(fargateIncludedStorageGiB) {
		st, ok := c.rate(priceKey{"fargate", "ephemeral_storage_gb_hour", "over-20GB"})
		if !ok {
			return decimal.Zero, false
		}
		total = total.Add(t.StorageGiB.Sub(fargateIncludedStorageGiB).Mul(hours).Mul(st.USD))
	}
	return total, true
}

// publicIPv4 adds count public IPv4 addresses held all month.
func (c *calc) publicIPv4(name string, count decimal.Decimal) {
	if count.IsZero() {
		return
	}
	c.hourly(name, priceKey{"public_ipv4", "address_hour", ""}, "IP-hour", count)
}
